import { describe, expect, it } from 'vitest';
import { matchingEntries, ROWS_SHOWN, shownRows } from './entries-filter.ts';

const entries = [
  { ref: 'JJJ-0001', title: '社保卡助手 App', judges: [{ name: '李明' }] },
  { ref: 'JJJ-0002', title: '医保电子凭证', judges: [{ name: '王芳' }, { name: '李明' }] },
  { ref: 'JJJ-0003', title: '校园一卡通', judges: [] },
];

describe('finding an entry in the assignment', () => {
  it('matches every word of the query in the reference, title or a judge’s name, in any case and width', () => {
    expect(matchingEntries(entries, 'jjj-0002').map((e) => e.ref)).toEqual(['JJJ-0002']);
    expect(matchingEntries(entries, '李明').map((e) => e.ref)).toEqual(['JJJ-0001', 'JJJ-0002']);
    expect(matchingEntries(entries, '李明 ａｐｐ').map((e) => e.ref)).toEqual(['JJJ-0001']);
    expect(matchingEntries(entries, '  ').map((e) => e.ref)).toEqual(['JJJ-0001', 'JJJ-0002', 'JJJ-0003']);
  });

  it('draws at most a page of rows', () => {
    const many = Array.from({ length: ROWS_SHOWN + 5 }, (_, i) => i);
    expect(shownRows(many)).toHaveLength(ROWS_SHOWN);
  });
});
