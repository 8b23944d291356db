import { describe, expect, it } from 'vitest';
import { entry, people, seedDefinition } from '../../../test/support/factories.ts';
import { checkEligibility } from './index.ts';

const contest = seedDefinition('003');
const experienced = (count: number, from = 1, years = 2) => people(count, from, { experienceYears: years });
const check = (input: Parameters<typeof entry>[1]) => checkEligibility(contest, entry(contest, input)).problems;
const codes = (input: Parameters<typeof entry>[1]) => check(input).map((p) => p.code);
const team = (size: number, years = 2) => ({
  trackId: 'hackathon',
  entrantKind: 'team' as const,
  leader: experienced(1, 1, years)[0],
  members: experienced(size - 1, 2, years),
});

describe('seed 003 "数字化社会保障"创客马拉松', () => {
  describe('每个团队以4人为人数上限', () => {
    it('accepts exactly 4', () => {
      expect(codes(team(4))).toEqual([]);
    });
    it('refuses 5 and names the limit', () => {
      expect(check(team(5))[0]).toEqual({
        code: 'team.too_large',
        message: {
          zh: '团队 5 人，数字化社会保障上限 4 人（含负责人）',
          en: 'The team has 5 people; Digital social security allows at most 4, leader included',
        },
        path: 'members',
        rule: 'rules[1]',
      });
    });
    it('refuses a team of one (the assumed minimum of 2)', () => {
      expect(codes(team(1))).toEqual(['team.too_small']);
      expect(codes(team(2))).toEqual([]);
    });
  });

  describe('本次活动不接受个人参赛', () => {
    it('refuses an individual', () => {
      expect(check({ trackId: 'hackathon', entrantKind: 'individual', leader: experienced(1)[0] })).toEqual([
        {
          code: 'entrant.kind_not_allowed',
          message: { zh: '数字化社会保障不接受个人报名，仅限团队', en: 'Digital social security does not accept individual entries, only team' },
          path: 'entrantKind',
          rule: 'rules[0]',
        },
      ]);
    });
  });

  describe('团队成员必须拥有至少两年的实际工作经验', () => {
    it('accepts exactly 2 years', () => {
      expect(codes(team(3, 2))).toEqual([]);
    });
    it('refuses 1.5 years for each member who has it', () => {
      expect(check({ ...team(2), members: [{ name: '新人', phone: '13900000099', experienceYears: 1.5 }] })).toEqual([
        {
          code: 'eligibility.experience_too_short',
          message: { zh: '成员 新人 工作经验 1.5 年，要求至少 2 年', en: 'Member 新人 has 1.5 years of work experience; at least 2 years required' },
          path: 'members[0].experienceYears',
          rule: 'rules[2]',
        },
      ]);
    });
    it('refuses a member who gives no experience', () => {
      expect(codes({ ...team(2), members: [{ name: '未填', phone: '13900000098' }] })).toEqual(['eligibility.experience_too_short']);
    });
    it('does not ask advisors for experience', () => {
      expect(codes({ ...team(2), advisors: people(1, 40) })).toEqual([]);
    });
  });
});
