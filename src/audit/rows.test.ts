import { describe, expect, it } from 'vitest';
import { createRowChecker, createStateRecorder, type CurrentRow } from './rows.ts';

const recordedFrom = (...payloads: unknown[]) => {
  const recorder = createStateRecorder();
  for (const payload of payloads) recorder.record(payload);
  return recorder.recorded;
};

const check = (recorded: ReadonlyMap<string, string | null>, rows: CurrentRow[], limit?: number, kinds = new Set(['registration'])) => {
  const checker = createRowChecker(recorded, kinds, limit);
  for (const row of rows) checker.check(row);
  return checker.finish();
};

describe('the state check', () => {
  it('keeps the last digest recorded for each row and ignores payloads without state', () => {
    const recorded = recordedFrom({ state: { 'registration:a': 'd1' } }, { ref: '0001' }, null, { state: { 'registration:a': 'd2', 'file:f': null } });
    expect([...recorded]).toEqual([
      ['registration:a', 'd2'],
      ['file:f', null],
    ]);
  });

  it('passes rows that match their last recorded state', () => {
    const recorded = recordedFrom({ state: { 'registration:a': 'd1' } }, { state: { 'registration:a': 'd2' } });
    expect(check(recorded, [{ subject: 'registration:a', label: '0001', digest: 'd2' }])).toEqual({ checked: 1, mismatched: 0, mismatches: [] });
  });

  it('reports a changed row, a row no event recorded, a row recorded as gone that is back, and a deleted row', () => {
    const recorded = recordedFrom({ state: { 'registration:a': 'd1', 'registration:b': 'd1', 'registration:gone': null, 'registration:c': 'd3' } });
    expect(
      check(recorded, [
        { subject: 'registration:a', label: '0001', digest: 'edited' },
        { subject: 'registration:b', label: '0002', digest: 'd1' },
        { subject: 'registration:new', label: '0003', digest: 'd9' },
        { subject: 'registration:gone', label: '0004', digest: 'd1' },
      ]),
    ).toEqual({
      checked: 4,
      mismatched: 4,
      mismatches: [
        { subject: 'registration:a', label: '0001', problem: 'changed' },
        { subject: 'registration:new', label: '0003', problem: 'unrecorded' },
        { subject: 'registration:gone', label: '0004', problem: 'unrecorded' },
        { subject: 'registration:c', label: 'registration:c', problem: 'deleted' },
      ],
    });
  });

  it('counts every mismatch but lists only up to the limit', () => {
    const rows = ['a', 'b', 'c'].map((id) => ({ subject: `registration:${id}`, label: id, digest: 'x' }));
    expect(check(new Map(), rows, 2)).toEqual({
      checked: 3,
      mismatched: 3,
      mismatches: [
        { subject: 'registration:a', label: 'a', problem: 'unrecorded' },
        { subject: 'registration:b', label: 'b', problem: 'unrecorded' },
      ],
    });
  });

  it('misses as deleted only rows of the kinds checked', () => {
    const recorded = recordedFrom({ state: { 'registration:a': 'd1', 'submission_file:f': 'd2' } });
    expect(check(recorded, [], undefined, new Set(['submission_file']))).toEqual({
      checked: 0,
      mismatched: 1,
      mismatches: [{ subject: 'submission_file:f', label: 'submission_file:f', problem: 'deleted' }],
    });
  });
});
