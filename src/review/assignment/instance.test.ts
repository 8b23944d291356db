import { describe, expect, it } from 'vitest';
import { buildInstance, type InstanceEntry, type InstanceJudge } from './instance.ts';

const entry = (id: string, division: string, text = ''): InstanceEntry => ({
  id,
  groups: ['all', `division:${division}`, `track:${division.split('/')[0]}`],
  text,
});
const judge = (id: string, extra: Partial<InstanceJudge> = {}): InstanceJudge => ({ id, covers: [], cap: null, expertise: [], ...extra });
const online = { mode: 'online' as const, judgesPerEntry: 3 };

describe('a round as an assignment problem', () => {
  it('asks the round’s judgesPerEntry of each entry and caps each judge at the lower of its own cap and the round’s', () => {
    const instance = buildInstance({
      round: { ...online, judgeCap: 4 },
      entries: [entry('e1', 'app-dev/campus'), entry('e2', 'publicity')],
      judges: [judge('j1', { cap: 2 }), judge('j2', { cap: 9 }), judge('j3')],
      conflicts: [],
    });
    expect(instance.entries.map((e) => [e.id, e.judgesNeeded])).toEqual([
      ['e1', 3],
      ['e2', 3],
    ]);
    expect(instance.judges.map((j) => [j.id, j.cap])).toEqual([
      ['j1', 2],
      ['j2', 2],
      ['j3', 2],
    ]);
  });

  it('turns covers of a division, a track or none into the groups entries are in', () => {
    const instance = buildInstance({
      round: online,
      entries: [entry('e1', 'app-dev/campus')],
      judges: [judge('j1', { covers: ['app-dev/campus'] }), judge('j2', { covers: ['app-dev'] }), judge('j3')],
      conflicts: [],
    });
    expect(instance.judges.map((j) => j.covers)).toEqual([
      ['division:app-dev/campus', 'track:app-dev/campus', 'topic:app-dev/campus'],
      ['division:app-dev', 'track:app-dev', 'topic:app-dev'],
      ['all'],
    ]);
  });

  it('keeps scored pairs: fewer places for their entries, less room under their judges’ caps, never the same judge twice', () => {
    const instance = buildInstance({
      round: { ...online, judgeCap: 2 },
      entries: [entry('e1', 'publicity'), entry('e2', 'publicity'), entry('e3', 'publicity')],
      judges: [judge('j1'), judge('j2'), judge('j3')],
      conflicts: [{ judge: 'j3', entry: 'e2' }],
      kept: [
        { judge: 'j1', entry: 'e1' },
        { judge: 'j2', entry: 'e1' },
        { judge: 'j3', entry: 'e1' },
        { judge: 'j1', entry: 'e2' },
      ],
    });
    expect(instance.entries.map((e) => [e.id, e.judgesNeeded])).toEqual([
      ['e2', 2],
      ['e3', 3],
    ]);
    expect(instance.judges.map((j) => [j.id, j.cap])).toEqual([
      ['j1', 0],
      ['j2', 1],
      ['j3', 1],
    ]);
    expect(instance.conflicts).toEqual([
      { judge: 'j3', entry: 'e2' },
      { judge: 'j1', entry: 'e2' },
    ]);
  });

  it('asks every covering judge without a conflict in a live round, and one of an entry nobody can judge', () => {
    const instance = buildInstance({
      round: { mode: 'live', judgesPerEntry: 3 },
      entries: [entry('e1', 'app-dev/campus'), entry('e2', 'publicity')],
      judges: [judge('j1', { covers: ['app-dev'] }), judge('j2', { covers: ['app-dev'] }), judge('j3', { covers: ['app-dev/campus'] })],
      conflicts: [{ judge: 'j2', entry: 'e1' }],
    });
    expect(instance.entries.map((e) => [e.id, e.judgesNeeded])).toEqual([
      ['e1', 2],
      ['e2', 1],
    ]);
  });

  it('leaves out conflicts and kept pairs of judges or entries not in the round', () => {
    const instance = buildInstance({
      round: online,
      entries: [entry('e1', 'publicity')],
      judges: [judge('j1')],
      conflicts: [
        { judge: 'removed', entry: 'e1' },
        { judge: 'j1', entry: 'withdrawn' },
      ],
      kept: [{ judge: 'j1', entry: 'withdrawn' }],
    });
    expect([instance.conflicts, instance.judges[0].cap]).toEqual([[], 1]);
  });

  it('scores 25 for each expertise word in the title or track name, at most 100, only where the judge covers the entry', () => {
    const instance = buildInstance({
      round: online,
      entries: [entry('e1', 'app-dev/campus', '社保卡 医保 数据 大模型 应用开发'), entry('e2', 'publicity', '社保卡宣传海报')],
      judges: [judge('j1', { covers: ['app-dev'], expertise: ['医保', '数据', '大模型', '应用', '开发'] }), judge('j2', { expertise: ['海报', ' ', '视频'] })],
      conflicts: [],
    });
    expect(instance.affinity).toEqual([
      { judge: 'j1', entry: 'e1', score: 100 },
      { judge: 'j2', entry: 'e2', score: 25 },
    ]);
  });
});
