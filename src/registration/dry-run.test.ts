import { describe, expect, it } from 'vitest';
import { salvageEntry, withSchemaProblems } from './dry-run.ts';
import { socialTeam } from '../../test/support/test-fixtures.ts';

const team = socialTeam(1);

describe('salvaging a dry run body', () => {
  it('passes a valid entry through with no problems', () => {
    expect(salvageEntry(team)).toEqual({ entry: team, problems: [] });
  });

  it('stands in for an empty leader name and leaves out a malformed email, naming both fields', () => {
    const salvaged = salvageEntry({ ...team, leader: { ...team.leader, name: ' ', email: 'not-an-email' } });
    expect(salvaged.problems).toEqual([
      { code: 'text.empty', path: 'leader.name', message: { zh: '请填写负责人姓名', en: "Enter the leader's name" } },
      {
        code: 'invalid_format',
        path: 'leader.email',
        message: { zh: '负责人邮箱不是有效的邮箱地址', en: "The leader's email address is not a valid email address" },
      },
    ]);
    expect(salvaged.entry?.leader).toEqual({ ...team.leader, name: '—' });
    expect(salvaged.entry?.members).toEqual(team.members);
  });

  it('stands in for a member who is not an object, then for their name', () => {
    const salvaged = salvageEntry({ ...team, members: [...team.members, 'someone'] });
    expect(salvaged.problems.map((p) => [p.path, p.code])).toEqual([['members[1]', 'invalid_type']]);
    expect(salvaged.entry?.members).toEqual([...team.members, { name: '—' }]);
  });

  it('keeps the most members the schema allows of a list that is too long', () => {
    const salvaged = salvageEntry({ ...team, members: Array.from({ length: 101 }, () => team.members[0]) });
    expect([salvaged.problems.map((p) => p.message.en), salvaged.entry?.members.length]).toEqual([['At most 100 members'], 100]);
  });

  it('gives up, with the problems, where the rules cannot run: no track, an unknown kind of entrant, an organisation of no known type', () => {
    for (const body of [
      { ...team, trackId: undefined },
      { ...team, entrantKind: 'robot' },
      { ...team, organisations: [{ name: '某单位', type: 'alien' }] },
      ['not', 'an', 'entry'],
    ]) {
      const salvaged = salvageEntry(body);
      expect([salvaged.entry, salvaged.problems.length > 0]).toEqual([undefined, true]);
    }
  });
});

describe('combining schema and rule problems', () => {
  it('lists the schema problems first and leaves out a rule problem at a field the schema already refused', () => {
    const schema = [{ code: 'text.invalid_character', path: 'leader.phone', message: { zh: 'a', en: 'a' } }];
    const rules = {
      problems: [
        { code: 'person.phone_required', path: 'leader.phone', message: { zh: 'b', en: 'b' } },
        { code: 'team.too_large', path: 'members', message: { zh: 'c', en: 'c' } },
      ],
    };
    expect(withSchemaProblems(schema, rules)).toEqual({ ok: false, problems: [schema[0], rules.problems[1]] });
    expect(withSchemaProblems([], { problems: [] })).toEqual({ ok: true, problems: [] });
  });
});
