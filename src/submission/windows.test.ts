import { describe, expect, it } from 'vitest';
import { seedDefinition } from '../../test/support/factories.ts';
import type { ContestDefinition } from '../contest/schema/index.ts';
import { definitionAsScheduled } from '../schedule/rules.ts';
import { handInRefusal, isRequirementOpen, mayContinueUpload, requirementStage, worksDeadline, type StageState } from './windows.ts';

const contest000 = seedDefinition('000');
const contest003 = seedDefinition('003');
const contest004 = seedDefinition('004');
const at = (iso: string) => new Date(iso);

const requirementsOf = (definition: ContestDefinition) => {
  const works = definition.tracks[0].works ?? definition.works!;
  return [...works.files, ...works.fields];
};
const requirement = (definition: ContestDefinition, id: string) => requirementsOf(definition).find((r) => r.id === id)!;
/** A requirement without a stage: it goes with the contest's submission phases. */
const unstaged = { name: '作品' };

describe('the submission window of 000 (报名及作品提交, 2025-05-12 to 2025-09-09 Beijing time)', () => {
  const work = requirement(contest000, 'work');
  it('is open at the last second and closed at midnight', () => {
    expect(isRequirementOpen(contest000, work, at('2025-09-09T23:59:59+08:00'))).toBe(true);
    expect(isRequirementOpen(contest000, work, at('2025-09-10T00:00:00+08:00'))).toBe(false);
  });
  it('lets an upload begun at 23:58 go on for two hours after the deadline, and no longer', () => {
    const started = at('2025-09-09T23:58:00+08:00');
    expect(mayContinueUpload(contest000, work, started, at('2025-09-10T01:59:59+08:00'))).toBe(true);
    expect(mayContinueUpload(contest000, work, started, at('2025-09-10T02:00:00+08:00'))).toBe(false);
  });
  it('does not let an upload begun after the deadline continue', () => {
    expect(mayContinueUpload(contest000, work, at('2025-09-10T00:00:01+08:00'), at('2025-09-10T00:00:02+08:00'))).toBe(false);
  });
  it('names the deadline', () => {
    expect(worksDeadline(contest000, [work], at('2025-06-01T00:00:00+08:00'))?.toISOString()).toBe('2025-09-09T16:00:00.000Z');
  });
  it('refuses after the deadline with the code it always had, naming the requirement and its window', () => {
    expect(handInRefusal(contest000, work, at('2025-09-10T00:00:00+08:00'))).toMatchObject({
      code: 'submission.closed',
      status: 409,
      localised: {
        zh: '不在作品提交时间内：「宣传作品」的提交时间为报名及作品提交 2025-05-12T00:00:00+08:00 至 2025-09-09T23:59:59+08:00（Asia/Shanghai）',
      },
    });
    expect(handInRefusal(contest000, work, at('2025-09-09T23:59:59+08:00'))).toBeUndefined();
  });
});

/**
 * 003's stages: 申请报名 2021-06-10…08-30 (the 初步概念提案), 申请和选拔 08-31…09-15 (nothing handed in),
 * 线上阶段 09-16…10-31 (presentation, vision statement, prototype, demo video link), 线下创客坊
 * 11-10…11-11 (workshop presentation, detailed prototype, app link), in Asia/Shanghai.
 */
describe('the stages of 003, at each boundary, for every requirement', () => {
  const stageOf: Record<string, 'registration' | 'online-stage' | 'workshop'> = {
    'concept-proposal': 'registration',
    'demo-video-url': 'online-stage',
    'app-url': 'workshop',
    presentation: 'online-stage',
    'vision-statement': 'online-stage',
    prototype: 'online-stage',
    'workshop-presentation': 'workshop',
    'detailed-prototype': 'workshop',
  };
  const states: [string, Record<'registration' | 'online-stage' | 'workshop', StageState>][] = [
    ['2021-06-09T23:59:59+08:00', { registration: 'upcoming', 'online-stage': 'upcoming', workshop: 'upcoming' }],
    ['2021-06-10T00:00:00+08:00', { registration: 'open', 'online-stage': 'upcoming', workshop: 'upcoming' }],
    ['2021-08-30T23:59:59+08:00', { registration: 'open', 'online-stage': 'upcoming', workshop: 'upcoming' }],
    ['2021-08-31T00:00:00+08:00', { registration: 'closed', 'online-stage': 'upcoming', workshop: 'upcoming' }],
    ['2021-09-15T23:59:59+08:00', { registration: 'closed', 'online-stage': 'upcoming', workshop: 'upcoming' }],
    ['2021-09-16T00:00:00+08:00', { registration: 'closed', 'online-stage': 'open', workshop: 'upcoming' }],
    ['2021-10-31T23:59:59+08:00', { registration: 'closed', 'online-stage': 'open', workshop: 'upcoming' }],
    ['2021-11-01T00:00:00+08:00', { registration: 'closed', 'online-stage': 'closed', workshop: 'upcoming' }],
    ['2021-11-09T23:59:59+08:00', { registration: 'closed', 'online-stage': 'closed', workshop: 'upcoming' }],
    ['2021-11-10T00:00:00+08:00', { registration: 'closed', 'online-stage': 'closed', workshop: 'open' }],
    ['2021-11-11T23:59:59+08:00', { registration: 'closed', 'online-stage': 'closed', workshop: 'open' }],
    ['2021-11-12T00:00:00+08:00', { registration: 'closed', 'online-stage': 'closed', workshop: 'closed' }],
  ];

  it('declares every requirement of 003 with the stage the handbook gives it', () => {
    expect(Object.fromEntries(requirementsOf(contest003).map((r) => [r.id, r.phase]))).toEqual(stageOf);
  });

  it.each(states)('at %s each requirement is in its stage’s state', (instant, expected) => {
    const found = Object.fromEntries(requirementsOf(contest003).map((r) => [r.id, requirementStage(contest003, r, at(instant))]));
    for (const [id, stage] of Object.entries(stageOf)) {
      expect([id, found[id].state, found[id].phase.id]).toEqual([id, expected[stage], stage]);
      expect([id, isRequirementOpen(contest003, requirement(contest003, id), at(instant))]).toEqual([id, expected[stage] === 'open']);
      const refusal = handInRefusal(contest003, requirement(contest003, id), at(instant));
      const code = { open: undefined, upcoming: 'submission.stage_not_open', closed: 'submission.stage_closed' }[expected[stage]];
      expect([id, refusal?.code]).toEqual([id, code]);
    }
  });

  it('names the requirement and its window in the contest’s time zone when it refuses', () => {
    expect(handInRefusal(contest003, requirement(contest003, 'concept-proposal'), at('2021-09-01T09:00:00+08:00'))?.localised).toEqual({
      zh: '「初步概念提案」须在申请报名 2021-06-10T00:00:00+08:00 至 2021-08-30T23:59:59+08:00（Asia/Shanghai）提交，该阶段已截止',
      en: '"初步概念提案" was handed in during Application, 2021-06-10T00:00:00+08:00 to 2021-08-30T23:59:59+08:00 (Asia/Shanghai); that stage has closed',
    });
    expect(handInRefusal(contest003, requirement(contest003, 'workshop-presentation'), at('2021-10-01T09:00:00+08:00'))?.localised).toEqual({
      zh: '「在线作品展示（线下阶段）」在线下创客坊 2021-11-10T00:00:00+08:00 至 2021-11-11T23:59:59+08:00（Asia/Shanghai）提交，尚未开始',
      en: '"在线作品展示（线下阶段）" is handed in during Offline workshop, 2021-11-10T00:00:00+08:00 to 2021-11-11T23:59:59+08:00 (Asia/Shanghai); that stage has not opened yet',
    });
  });

  it('lets an upload begun in a stage continue into the grace period of that stage only', () => {
    const started = at('2021-10-31T23:58:00+08:00');
    expect(mayContinueUpload(contest003, requirement(contest003, 'presentation'), started, at('2021-11-01T01:59:59+08:00'))).toBe(true);
    expect(mayContinueUpload(contest003, requirement(contest003, 'presentation'), started, at('2021-11-01T02:00:00+08:00'))).toBe(false);
    expect(mayContinueUpload(contest003, requirement(contest003, 'workshop-presentation'), started, at('2021-10-31T23:59:00+08:00'))).toBe(false);
  });

  it('gives as deadline the nearest end of the entry’s stages', () => {
    const all = requirementsOf(contest003);
    expect(worksDeadline(contest003, all, at('2021-07-01T00:00:00+08:00'))?.toISOString()).toBe('2021-08-30T16:00:00.000Z');
    expect(worksDeadline(contest003, all, at('2021-09-01T00:00:00+08:00'))?.toISOString()).toBe('2021-10-31T16:00:00.000Z');
    expect(worksDeadline(contest003, all, at('2021-11-11T00:00:00+08:00'))?.toISOString()).toBe('2021-11-11T16:00:00.000Z');
    expect(worksDeadline(contest003, all, at('2021-11-12T00:00:00+08:00'))).toBeUndefined();
  });

  it('keeps a requirement without a stage in the submission phases: upcoming before the first, closed between them', () => {
    const expected: [string, StageState, string, string | undefined][] = [
      ['2021-07-01T00:00:00+08:00', 'upcoming', 'online-stage', 'submission.closed'],
      ['2021-09-16T00:00:00+08:00', 'open', 'online-stage', undefined],
      ['2021-11-05T00:00:00+08:00', 'closed', 'workshop', 'submission.closed'],
      ['2021-11-10T12:00:00+08:00', 'open', 'workshop', undefined],
      ['2021-11-12T00:00:00+08:00', 'closed', 'workshop', 'submission.closed'],
    ];
    for (const [instant, state, phase, code] of expected) {
      const stage = requirementStage(contest003, unstaged, at(instant));
      expect([instant, stage.state, stage.phase.id, handInRefusal(contest003, unstaged, at(instant))?.code]).toEqual([instant, state, phase, code]);
    }
    expect(handInRefusal(contest003, unstaged, at('2021-11-05T00:00:00+08:00'))?.localised.zh).toBe(
      '不在作品提交时间内：「作品」的提交时间为线上阶段 2021-09-16T00:00:00+08:00 至 2021-10-31T23:59:59+08:00；线下创客坊 2021-11-10T00:00:00+08:00 至 2021-11-11T23:59:59+08:00（Asia/Shanghai）',
    );
  });

  it('follows the organiser’s schedule: an extended online stage stays open, a workshop closed early is closed', () => {
    const scheduled = definitionAsScheduled(contest003, [
      { phaseId: 'online-stage', change: 'extended', endExclusive: at('2021-11-04T00:00:00+08:00') },
      { phaseId: 'workshop', change: 'closed_early', endExclusive: at('2021-11-10T18:00:00+08:00') },
    ]);
    const presentation = requirement(contest003, 'presentation');
    const workshop = requirement(contest003, 'workshop-presentation');
    expect(isRequirementOpen(contest003, presentation, at('2021-11-02T10:00:00+08:00'))).toBe(false);
    expect(isRequirementOpen(scheduled, presentation, at('2021-11-03T23:59:59+08:00'))).toBe(true);
    expect(handInRefusal(scheduled, presentation, at('2021-11-04T00:00:00+08:00'))?.localised.zh).toContain(
      '线上阶段 2021-09-16T00:00:00+08:00 至 2021-11-03T23:59:59+08:00',
    );
    expect(isRequirementOpen(scheduled, workshop, at('2021-11-10T17:59:59+08:00'))).toBe(true);
    expect(handInRefusal(scheduled, workshop, at('2021-11-10T18:00:00+08:00'))?.code).toBe('submission.stage_closed');
  });
});

/** 004: materials asked for during the review, in 初赛评审阶段 2025-08-01…08-20; the rest with registration (报名参赛阶段 06-01…07-31). */
describe('the stages of 004', () => {
  const materials = requirement(contest004, 'supplementary-materials');
  const expected: [string, StageState, StageState, string | undefined, string | undefined][] = [
    ['2025-05-31T23:59:59+08:00', 'upcoming', 'upcoming', 'submission.stage_not_open', 'submission.closed'],
    ['2025-06-01T00:00:00+08:00', 'upcoming', 'open', 'submission.stage_not_open', undefined],
    ['2025-07-31T23:59:59+08:00', 'upcoming', 'open', 'submission.stage_not_open', undefined],
    ['2025-08-01T00:00:00+08:00', 'open', 'closed', undefined, 'submission.closed'],
    ['2025-08-20T23:59:59+08:00', 'open', 'closed', undefined, 'submission.closed'],
    ['2025-08-21T00:00:00+08:00', 'closed', 'closed', 'submission.stage_closed', 'submission.closed'],
  ];
  it.each(expected)('at %s the supplementary materials are %s, a requirement without a stage %s', (instant, state, unstagedState, code, unstagedCode) => {
    expect(requirementStage(contest004, materials, at(instant)).state).toBe(state);
    expect(handInRefusal(contest004, materials, at(instant))?.code).toBe(code);
    expect(requirementStage(contest004, unstaged, at(instant)).state).toBe(unstagedState);
    expect(handInRefusal(contest004, unstaged, at(instant))?.code).toBe(unstagedCode);
  });
  it('names the review stage when the materials are not yet asked for', () => {
    expect(handInRefusal(contest004, materials, at('2025-07-01T00:00:00+08:00'))?.localised.zh).toBe(
      '「补充材料（按组委会要求）」在初赛评审阶段 2025-08-01T00:00:00+08:00 至 2025-08-20T23:59:59+08:00（Asia/Shanghai）提交，尚未开始',
    );
  });
});
