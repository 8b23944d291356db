import { describe, expect, it } from 'vitest';
import type { ContestDefinition } from '../../contest/schema/index.ts';
import { creditCodes, entry, person, seedDefinition, seeds, type Seed } from '../../../test/support/factories.ts';
import type { RegistrationInputRaw } from '../schema.ts';
import { checkEligibility, describeRule, toExistingEntry } from './index.ts';

type Input = Parameters<typeof entry>[1];

/** Every string a message may quote as a name: people, employers, organisations, titles, and the definition's names. */
function namesIn(value: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => namesIn(v, names));
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === 'string' && ['name', 'employer', 'title', 'teamName', 'school'].includes(key)) names.add(child);
      else namesIn(child, names);
    }
  }
  return names;
}

/** What is left of an English message once quoted text and names are taken out. */
const unnamed = (en: string, names: Set<string>) =>
  [...names].sort((a, b) => b.length - a.length).reduce((text, name) => text.split(name).join(''), en.replace(/"[^"]*"/g, ''));

const han = /\p{Script=Han}/u;

/** Wrong in as many ways as a form can be: too many people, none a student, short of experience, at an excluded employer… */
const crowd = Array.from({ length: 11 }, (_, i) => person(i + 2, { isFullTimeStudent: false, experienceYears: 1, employer: '某市医疗保障局' }));
const badOrganisations: RegistrationInputRaw['organisations'] = [
  { name: '某街道办事处', type: 'other', isLead: true, hasLegalEntity: false },
  { name: '某科技有限公司', type: 'enterprise', isLead: true, hasLegalEntity: true, creditCode: '91350100M000100Y44' },
  { name: '某研究院', type: 'research-institute', isLead: false, hasLegalEntity: true },
];

/** Every place of the seed (track, group or category, topic, zone), entered by every kind of entrant, wrongly. */
function wrongEntries(definition: ContestDefinition): Input[] {
  const inputs: Input[] = [];
  const zoneId = definition.zones[0]?.id;
  for (const track of definition.tracks) {
    const subs = [...track.groups.map((g) => ({ groupId: g.id })), ...track.categories.map((c) => ({ categoryId: c.id })), {}];
    const topics = [...track.topics.map((t) => ({ topicId: t.id })), {}];
    for (const sub of subs) {
      for (const topic of topics) {
        for (const entrantKind of ['individual', 'team', 'organisation'] as const) {
          const place = { trackId: track.id, entrantKind, ...sub, ...topic };
          inputs.push({
            ...place,
            zoneId,
            leader: person(1, { phone: '12345', idNumber: '123', experienceYears: 1, employer: '某市医保中心' }),
            members: crowd,
            advisors: [person(20), person(21), person(22)],
            organisations: badOrganisations,
            declarations: [],
            teamName: '',
          });
          inputs.push({ ...place, zoneId: 'nowhere', leader: { name: '无联系方式' }, members: [person(1), { name: '无证件' }], organisations: [] });
          inputs.push({ ...place });
        }
      }
    }
  }
  return inputs;
}

/** Entries already registered, sharing people and the title with the wrong ones, disclosed and not. */
const others = [
  toExistingEntry(
    'a',
    '0001',
    { ...entry(seedDefinition('001'), { trackId: 'government-services', entrantKind: 'team', teamName: '正定县攻坚队', members: [person(2)] }) },
    true,
  ),
  toExistingEntry(
    'b',
    '0002',
    { ...entry(seedDefinition('001'), { trackId: 'government-services', entrantKind: 'team', teamName: '另一队', leader: person(3), members: [person(4)] }) },
    false,
  ),
];

describe('English refusals of the five seeds', () => {
  for (const seed of Object.keys(seeds) as Seed[]) {
    const definition = seedDefinition(seed);

    it(`${seed}: contain no Chinese but names and quotations`, () => {
      const problems = wrongEntries(definition).flatMap((input) => {
        const parsed = entry(definition, input);
        return checkEligibility(
          definition,
          {
            ...parsed,
            organisations: [
              ...parsed.organisations,
              { name: '某单位', type: 'enterprise', isLead: false, hasLegalEntity: true, creditCode: creditCodes.enterprise },
            ],
          },
          others,
        ).problems;
      });
      const names = namesIn([definition, wrongEntries(definition), others, crowd, badOrganisations]);
      const untranslated = problems.filter((p) => han.test(unnamed(p.message.en, names))).map((p) => `${p.code}: ${p.message.en}`);
      expect(untranslated).toEqual([]);
      // The refusals checked are many kinds, not a few.
      expect(new Set(problems.map((p) => p.code)).size).toBeGreaterThan(7);
    });

    it(`${seed}: describe every rule in English without Chinese but names and quotations`, () => {
      const rules = [
        definition.rules,
        ...definition.tracks.flatMap((t) => [t.rules, ...t.groups.map((g) => g.rules), ...t.categories.map((c) => c.rules)]),
      ].flat();
      const untranslated = rules.map((rule) => describeRule(rule).en).filter((en) => han.test(unnamed(en, namesIn(definition))));
      expect(untranslated).toEqual([]);
    });
  }

  it('start with a capital letter, also where they open with a role', () => {
    const definition = seedDefinition('000');
    const problems = checkEligibility(
      definition,
      entry(definition, { trackId: 'app-dev', groupId: 'campus', entrantKind: 'team', members: [person(2)] }),
    ).problems;
    expect(problems.map((p) => p.message.en)).toEqual([
      'Leader 参赛者1 is not a full-time student; Application Development (Campus) is for full-time students only',
      'Member 参赛者2 is not a full-time student; Application Development (Campus) is for full-time students only',
    ]);
  });
});

describe('counts in English refusals', () => {
  it('say "1 person" of a team of one (000 social group: 2–10 would not; 003 needs 2–5)', () => {
    const definition = seedDefinition('003');
    const track = definition.tracks[0];
    const problems = checkEligibility(
      definition,
      entry(definition, { trackId: track.id, entrantKind: 'team', leader: person(1, { experienceYears: 1 }) }),
    ).problems;
    expect(problems.map((p) => p.message.en).filter((en) => en.startsWith('The team has'))).toEqual([
      expect.stringMatching(/^The team has 1 person; .+ needs at least 2, leader included$/),
    ]);
    expect(problems.map((p) => p.message.en)).toContain('Leader 参赛者1 has 1 year of work experience; at least 2 years required');
  });

  it('say "1 advisor" where a group allows one advisor too few', () => {
    const definition = seedDefinition('000');
    const problems = checkEligibility(
      definition,
      entry(definition, {
        trackId: 'app-dev',
        groupId: 'campus',
        entrantKind: 'team',
        leader: person(1, { isFullTimeStudent: true }),
        advisors: [person(5), person(6), person(7)],
      }),
    ).problems;
    expect(problems.map((p) => p.message.en)).toEqual(['3 advisors; Application Development (Campus) allows at most 2 advisors']);
  });
});

describe('a closed topic (004: 不再开放报名，将直接沿用…)', () => {
  it('says 不再开放报名 once in Chinese, and quotes the announcement in English', () => {
    const definition = seedDefinition('004');
    const input = entry(definition, {
      trackId: 'open-innovation',
      topicId: 'vertical-model-datasets',
      entrantKind: 'organisation',
      zoneId: 'zhangjiakou',
      organisations: [{ name: '某科技有限公司', type: 'enterprise', isLead: true, hasLegalEntity: true, creditCode: creditCodes.enterprise }],
    });
    const [closed] = checkEligibility(definition, input).problems;
    expect(closed.code).toBe('topic.closed');
    expect(closed.message.zh).toBe(
      '赛题「建设高质量垂直行业大模型数据集」不再开放报名：将直接沿用第二届雄安未来之城场景汇垂直大模型大赛中同名赛道的获奖项目晋级决赛。',
    );
    expect(closed.message.zh.split('不再开放报名').length - 1).toBe(1);
    expect(closed.message.en).toMatch(
      /^The topic ".+" is closed to registration \(the announcement says: "将直接沿用第二届雄安未来之城场景汇垂直大模型大赛中同名赛道的获奖项目晋级决赛。"\)$/,
    );
  });
});
