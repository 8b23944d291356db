import { describe, expect, it } from 'vitest';
import { entry, seedDefinition } from '../../../test/support/factories.ts';
import { checkEligibility, toExistingEntry } from './index.ts';

const contest = seedDefinition('000');
const first = entry(contest, { trackId: 'publicity', entrantKind: 'individual', title: '社保卡一卡通海报' });
const again = entry(contest, { trackId: 'case-selection', entrantKind: 'individual', title: '社保卡一卡通海报' });
const messageOf = (disclosed: boolean) => checkEligibility(contest, again, [toExistingEntry('r1', '0001', first, disclosed)]).problems.map((p) => p.message);

describe('messages about another entry (每个作品只能参加一个奖项评选)', () => {
  it('give its reference to whoever may know it', () => {
    expect(messageOf(true)).toEqual([
      {
        zh: '作品「社保卡一卡通海报」已报名（0001），每个作品只能参加一个奖项评选，不能再报应用案例选拔赛道',
        en: 'The work "社保卡一卡通海报" is already entered (0001); a work may compete for one award only, so it cannot also enter Application Case Selection',
      },
    ]);
  });
  it('give no reference to anyone else', () => {
    expect(messageOf(false)[0].zh).toBe('作品「社保卡一卡通海报」已报名，每个作品只能参加一个奖项评选，不能再报应用案例选拔赛道');
  });
});
