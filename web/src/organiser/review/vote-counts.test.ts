import { describe, expect, it } from 'vitest';
import { parseVoteCounts } from './vote-counts.ts';

describe('pasted vote counts', () => {
  it('reads tab-, comma- and space-separated lines, skipping a header and blank lines', () => {
    const text = '编号\t票数\nJJJ-0001\t1,234\n\nJJJ-0002, 56\r\nJJJ-0003，7\nJJJ-0004   0\n';
    expect(parseVoteCounts(text)).toEqual({
      counts: [
        { ref: 'JJJ-0001', count: 1234 },
        { ref: 'JJJ-0002', count: 56 },
        { ref: 'JJJ-0003', count: 7 },
        { ref: 'JJJ-0004', count: 0 },
      ],
      problems: [],
    });
  });

  it('names each line that is not a reference and a whole count, and a reference given twice', () => {
    expect(parseVoteCounts('A-1 10\nA-2\nA-3 -4\nA-4 2.5\nA-1 11\nA-5 1 2\nA-6 票数')).toEqual({
      counts: [{ ref: 'A-1', count: 10 }],
      problems: [
        { line: 2, text: 'A-2', reason: 'shape' },
        { line: 3, text: 'A-3 -4', reason: 'count' },
        { line: 4, text: 'A-4 2.5', reason: 'count' },
        { line: 5, text: 'A-1 11', reason: 'duplicate' },
        { line: 6, text: 'A-5 1 2', reason: 'shape' },
        { line: 7, text: 'A-6 票数', reason: 'count' },
      ],
    });
  });

  it('takes a first line with a mistyped count for data, not a header', () => {
    expect(parseVoteCounts('A-1 12o\nA-2 3').problems).toEqual([{ line: 1, text: 'A-1 12o', reason: 'count' }]);
  });
});
