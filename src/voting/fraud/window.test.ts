import { describe, expect, it } from 'vitest';
import { GroupWindows } from './window.ts';

describe('GroupWindows', () => {
  it('counts distinct values of the votes in the window only', () => {
    const windows = new GroupWindows(1000, 1);
    windows.add('entry', 0, 'v1', ['a']);
    windows.add('entry', 500, 'v2', ['b']);
    const group = windows.add('entry', 1200, 'v3', ['b']);
    expect([group.size, group.distinctCount(0)]).toEqual([2, 1]);
    expect(windows.peek('entry', 2600)).toBeUndefined();
  });

  it('drops groups idle for a whole window, keeping at most one idle group a vote since the last sweep', () => {
    const windows = new GroupWindows(1000, 1);
    // 50,000 voters, each its own group, a vote a millisecond: about 1,000 live at any time.
    let most = 0;
    for (let n = 0; n < 50_000; n++) {
      windows.add(`voter ${n}`, n, `v${n}`, ['x']);
      most = Math.max(most, windows.groupCount);
    }
    expect(most).toBeLessThanOrEqual(1000 + 2 * 8192);
    expect(windows.peek('voter 49999', 50_000)?.size).toBe(1);
    expect(windows.peek('voter 0', 50_000)).toBeUndefined();
  });
});
