import { describe, expect, it } from 'vitest';
import { entry, people, person, seedDefinition, teamOf11In000 } from '../../../test/support/factories.ts';
import { checkEligibility, toExistingEntry, type ExistingEntry } from './index.ts';

const contest = seedDefinition('000');
const codes = (input: Parameters<typeof entry>[1], others: ExistingEntry[] = []) =>
  checkEligibility(contest, entry(contest, input), others).problems.map((p) => p.code);
const student = (n: number) => person(n, { isFullTimeStudent: true, school: '河北师范大学' });

describe('seed 000 京津冀社保卡"一卡通"应用创新大赛', () => {
  describe('团队成员≤10人，含负责人', () => {
    it('accepts a team of exactly 10, the leader included', () => {
      expect(codes({ trackId: 'app-dev', groupId: 'social', entrantKind: 'team', members: people(9, 2) })).toEqual([]);
    });
    it('refuses a team of 11 and names the limit and the place', () => {
      const result = checkEligibility(contest, entry(contest, { trackId: 'app-dev', groupId: 'social', entrantKind: 'team', members: people(10, 2) }));
      expect(result.problems).toEqual([teamOf11In000]);
    });
    it('holds in every track, not only app development', () => {
      expect(codes({ trackId: 'publicity', entrantKind: 'team', members: people(10, 2) })).toEqual(['team.too_large']);
      expect(codes({ trackId: 'case-selection', entrantKind: 'team', members: people(10, 2) })).toEqual(['team.too_large']);
    });
  });

  describe('校园组仅限全日制在校生，允许跨学校组建团队', () => {
    it('accepts a campus team of students from two schools', () => {
      const members = [student(2), person(3, { isFullTimeStudent: true, school: '南开大学' })];
      expect(codes({ trackId: 'app-dev', groupId: 'campus', entrantKind: 'team', leader: student(1), members })).toEqual([]);
    });
    it('refuses a campus team with one member who is not a full-time student', () => {
      const result = checkEligibility(
        contest,
        entry(contest, { trackId: 'app-dev', groupId: 'campus', entrantKind: 'team', leader: student(1), members: [student(2), person(3)] }),
      );
      expect(result.problems).toEqual([
        {
          code: 'eligibility.not_student',
          message: {
            zh: '成员 参赛者3 不是全日制在校生；应用开发赛道（校园组）仅限全日制在校生',
            en: 'Member 参赛者3 is not a full-time student; Application Development (Campus) is for full-time students only',
          },
          path: 'members[1].isFullTimeStudent',
          rule: 'tracks[1].groups[0].rules[1]',
        },
      ]);
    });
    it('refuses a campus entry by an organisation', () => {
      expect(
        codes({
          trackId: 'app-dev',
          groupId: 'campus',
          entrantKind: 'organisation',
          leader: student(1),
          organisations: [{ name: '某大学', type: 'university', isLead: true, hasLegalEntity: true }],
        }),
      ).toEqual(['entrant.kind_not_allowed']);
    });
    it('does not ask the social group for students', () => {
      expect(codes({ trackId: 'app-dev', groupId: 'social', entrantKind: 'team', members: people(2, 2) })).toEqual([]);
    });
  });

  describe('指导老师≤2人 (校园组)', () => {
    it('accepts exactly 2 advisors', () => {
      expect(codes({ trackId: 'app-dev', groupId: 'campus', entrantKind: 'team', leader: student(1), members: [student(2)], advisors: people(2, 20) })).toEqual(
        [],
      );
    });
    it('refuses 3 advisors', () => {
      expect(codes({ trackId: 'app-dev', groupId: 'campus', entrantKind: 'team', leader: student(1), members: [student(2)], advisors: people(3, 20) })).toEqual(
        ['team.too_many_advisors'],
      );
    });
    it('does not count advisors in the team size', () => {
      expect(
        codes({
          trackId: 'app-dev',
          groupId: 'campus',
          entrantKind: 'team',
          leader: student(1),
          members: Array.from({ length: 9 }, (_, i) => student(i + 2)),
          advisors: people(2, 20),
        }),
      ).toEqual([]);
    });
  });

  describe('individuals, teams and organisations may enter', () => {
    it('accepts an individual in the publicity track and an organisation in case selection', () => {
      expect(codes({ trackId: 'publicity', entrantKind: 'individual' })).toEqual([]);
      expect(
        codes({
          trackId: 'case-selection',
          entrantKind: 'organisation',
          organisations: [{ name: '保定市人社局', type: 'government', isLead: true, hasLegalEntity: true }],
        }),
      ).toEqual([]);
    });
    it('refuses an individual entry that lists members', () => {
      expect(codes({ trackId: 'publicity', entrantKind: 'individual', members: people(1, 2) })).toEqual(['entrant.individual_with_members']);
    });
    it('refuses a group that does not exist and a track without its group', () => {
      expect(codes({ trackId: 'app-dev', groupId: 'night', entrantKind: 'team' })).toEqual(['place.unknown_group']);
      expect(codes({ trackId: 'app-dev', entrantKind: 'team' })).toEqual(['place.group_required']);
    });
  });

  describe('每个作品只能参加一个奖项评选', () => {
    const first = entry(contest, { trackId: 'publicity', entrantKind: 'individual', title: '社保卡一卡通海报' });
    const others = [toExistingEntry('r1', '0001', first)];
    it('refuses the same work by the same entrant in another track', () => {
      expect(codes({ trackId: 'case-selection', entrantKind: 'individual', title: '社保卡 一卡通海报' }, others)).toEqual(['entry.already_entered']);
    });
    it('refuses the same title with a zero-width space, full-width letters or in traditional characters', () => {
      for (const title of ['社保卡\u200b一卡通海报', '社保卡一卡通\u2060海报', '《社保卡一卡通海报》', '社保卡一卡通海報']) {
        expect(codes({ trackId: 'case-selection', entrantKind: 'individual', title }, others)).toEqual(['entry.already_entered']);
      }
    });
    it('refuses the same work entered again by the same team with the leader and a member swapped', () => {
      const team = entry(contest, {
        trackId: 'app-dev',
        groupId: 'social',
        entrantKind: 'team',
        title: 'App ONE 社保通',
        leader: person(1),
        members: [person(2), person(3)],
      });
      const swapped = { trackId: 'case-selection', entrantKind: 'team' as const, title: 'ＡＰＰ one 社保通', leader: person(3), members: [] };
      expect(codes(swapped, [toExistingEntry('r2', '0002', team)])).toContain('entry.already_entered');
    });
    it('accepts another work by the same entrant, and the same title by someone else', () => {
      expect(codes({ trackId: 'case-selection', entrantKind: 'individual', title: '另一个作品' }, others)).toEqual([]);
      expect(codes({ trackId: 'case-selection', entrantKind: 'individual', title: '社保卡一卡通海报', leader: person(50) }, others)).toEqual([]);
    });
  });

  describe('承诺 (declarations)', () => {
    it('refuses an entry that did not accept the declaration of real participation', () => {
      const input = entry(contest, { trackId: 'publicity', entrantKind: 'individual' });
      const result = checkEligibility(contest, { ...input, declarations: input.declarations.filter((d) => d !== 'actual-participants') });
      expect(result.problems.map((p) => [p.code, p.path])).toEqual([['declaration.missing', 'declarations.actual-participants']]);
    });
  });

  describe('people are identified and checked', () => {
    it('refuses a wrong ID number check character and a landline as mobile', () => {
      expect(codes({ trackId: 'publicity', entrantKind: 'individual', leader: person(1, { idNumber: '110105194912310021' }) })).toEqual([
        'person.invalid_id_number',
      ]);
      expect(codes({ trackId: 'publicity', entrantKind: 'individual', leader: { name: '张三', phone: '0311-66908121' } })).toEqual(['person.invalid_phone']);
    });
    it('refuses the same person listed twice in one team', () => {
      expect(codes({ trackId: 'app-dev', groupId: 'social', entrantKind: 'team', members: [person(2), person(2, { name: '另一个名字' })] })).toEqual([
        'person.listed_twice',
      ]);
    });
    it('says an email shared by two people makes them one, as a shared ID number or phone does', () => {
      const members = [person(2), { name: '李四', email: 'li@example.com' }, { name: '王五', email: 'LI@example.com' }];
      const [twice] = checkEligibility(contest, entry(contest, { trackId: 'app-dev', groupId: 'social', entrantKind: 'team', members })).problems;
      expect(twice.code).toBe('person.listed_twice');
      expect(twice.message.zh).toContain('邮箱');
      expect(twice.message.en).toContain('email');
    });
    it('needs a phone for the leader and an identifier for every member', () => {
      expect(codes({ trackId: 'app-dev', groupId: 'social', entrantKind: 'team', leader: { name: '张三' }, members: [{ name: '李四' }] })).toEqual([
        'person.phone_required',
        'person.identifier_required',
      ]);
    });
    it('needs a team name for a team', () => {
      expect(codes({ trackId: 'app-dev', groupId: 'social', entrantKind: 'team', teamName: '' })).toEqual(['team.name_required']);
    });
  });
});
