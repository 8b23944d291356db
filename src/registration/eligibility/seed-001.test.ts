import { describe, expect, it } from 'vitest';
import { entry, people, person, seedDefinition } from '../../../test/support/factories.ts';
import { checkEligibility, toExistingEntry, type ExistingEntry } from './index.ts';

const contest = seedDefinition('001');
const check = (input: Parameters<typeof entry>[1], others: ExistingEntry[] = []) => checkEligibility(contest, entry(contest, input), others).problems;
const codes = (input: Parameters<typeof entry>[1], others: ExistingEntry[] = []) => check(input, others).map((p) => p.code);

describe('seed 001 河北省首届"智慧政务 创想未来"数据应用创新创业大赛', () => {
  describe('每个参赛团队人数不得超过（含）10人', () => {
    it('accepts exactly 10 and refuses 11', () => {
      expect(codes({ trackId: 'government-services', entrantKind: 'team', members: people(9, 2) })).toEqual([]);
      expect(codes({ trackId: 'government-services', entrantKind: 'team', members: people(10, 2) })).toEqual(['team.too_large']);
    });
  });

  describe('禁止不同参赛团队共用相同队员', () => {
    const first = entry(contest, { trackId: 'government-services', entrantKind: 'team', teamName: '正定县攻坚队', members: people(3, 2) });
    // Told to someone who may know the first team (its people, an organiser).
    const others = [toExistingEntry('r1', '0001', first, true)];
    it('refuses a team whose member is on another team, naming both', () => {
      expect(
        check({ trackId: 'economic-development', entrantKind: 'team', teamName: '新团队', leader: person(30), members: [person(31), person(3)] }, others),
      ).toEqual([
        {
          code: 'team.member_in_other_team',
          message: {
            zh: '成员 参赛者3 已是团队「正定县攻坚队」（0001）的成员，不同团队不得共用队员',
            en: 'Member 参赛者3 is already on the team "正定县攻坚队" (0001); teams may not share members',
          },
          path: 'members[1].name',
          rule: 'rules[3]',
        },
      ]);
    });
    it('names neither the other team nor its reference to anyone else', () => {
      const undisclosed = [toExistingEntry('r1', '0001', first)];
      expect(
        check({ trackId: 'economic-development', entrantKind: 'team', teamName: '新团队', leader: person(30), members: [person(3)] }, undisclosed).map(
          (p) => p.message,
        ),
      ).toEqual([
        {
          zh: '成员 参赛者3 已是本赛事另一支团队的成员，不同团队不得共用队员',
          en: 'Member 参赛者3 is already on another team of this contest; teams may not share members',
        },
      ]);
    });
    it('recognises the same person by ID number even when the phone differs', () => {
      const withId = [
        toExistingEntry(
          'r1',
          '0001',
          entry(contest, { trackId: 'government-services', entrantKind: 'team', members: [person(2, { idNumber: '110105199003073453' })] }),
        ),
      ];
      expect(
        codes({ trackId: 'economic-development', entrantKind: 'team', leader: person(30), members: [person(99, { idNumber: '110105199003073453' })] }, withId),
      ).toEqual(['team.member_in_other_team']);
    });
    it('counts the other team’s leader as a member too', () => {
      expect(codes({ trackId: 'economic-development', entrantKind: 'team', leader: person(30), members: [person(1)] }, others)).toEqual([
        'team.member_in_other_team',
      ]);
    });
    it('accepts a team with nobody in common', () => {
      expect(codes({ trackId: 'economic-development', entrantKind: 'team', leader: person(30), members: people(3, 31) }, others)).toEqual([]);
    });
  });

  describe('征集对象: 省级各部门、地方基层政府、高等院校、科研院所、企事业单位、金融机构及个人', () => {
    it('accepts a bank and a county government as organisations', () => {
      expect(
        codes({
          trackId: 'financial-innovation',
          entrantKind: 'organisation',
          organisations: [{ name: '某银行', type: 'financial-institution', isLead: true, hasLegalEntity: true }],
        }),
      ).toEqual([]);
      expect(
        codes({
          trackId: 'government-services',
          entrantKind: 'organisation',
          organisations: [{ name: '正定县政府', type: 'government', isLead: true, hasLegalEntity: true }],
        }),
      ).toEqual([]);
    });
    it('refuses a kind of organisation the announcement does not invite', () => {
      expect(
        codes({
          trackId: 'financial-innovation',
          entrantKind: 'organisation',
          organisations: [{ name: '某协会', type: 'social-organisation', isLead: true, hasLegalEntity: true }],
        }),
      ).toEqual(['organisation.type_not_allowed']);
    });
    it('accepts an individual', () => {
      expect(codes({ trackId: 'economic-development', entrantKind: 'individual' })).toEqual([]);
    });
  });
});
