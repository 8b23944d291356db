/** Test data for registrations: valid by default, so each test changes only what it is about. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDefinition } from '../../src/contest/load.ts';
import type { ContestDefinition } from '../../src/contest/schema/index.ts';
import { registrationInputSchema, type PersonInput, type RegistrationInput, type RegistrationInputRaw } from '../../src/registration/schema.ts';

export const contestsFolder = fileURLToPath(new URL('../../contests', import.meta.url));

export const seeds = {
  '000': { id: 'jjj-social-security-card-2025', file: '000-jjj-social-security-card-2025.yaml' },
  '001': { id: 'hebei-smart-government-data-2022', file: '001-hebei-smart-government-data-2022.yaml' },
  '002': { id: 'yangquan-medical-e-voucher-works-2022', file: '002-yangquan-medical-e-voucher-works-2022.yaml' },
  '003': { id: 'ilo-digital-social-security-hackathon-2021', file: '003-ilo-digital-social-security-hackathon-2021.yaml' },
  '004': { id: 'hebei-data-elements-2025', file: '004-hebei-data-elements-2025.yaml' },
} as const;

export type Seed = keyof typeof seeds;

export const seedDefinition = (seed: Seed): ContestDefinition => {
  const file = `${contestsFolder}/${seeds[seed].file}`;
  const loaded = parseDefinition(readFileSync(file, 'utf8'), file);
  if (!loaded.ok) throw new Error(`seed ${seed} is invalid`);
  return loaded.definition;
};

/** Valid mainland mobiles, numbered so every person in a test is someone else. */
export const phone = (n: number) => `139${String(n).padStart(8, '0')}`;

export const person = (n: number, extra: Partial<PersonInput> = {}): PersonInput => ({ name: `参赛者${n}`, phone: phone(n), ...extra });

export const people = (count: number, from = 1, extra: Partial<PersonInput> = {}) => Array.from({ length: count }, (_, i) => person(from + i, extra));

/** Every declaration of the place accepted, as a careful entrant does. */
export const allDeclarations = (definition: ContestDefinition) => [
  ...new Set(
    [definition.rules, ...definition.tracks.flatMap((t) => [t.rules, ...t.groups.map((g) => g.rules), ...t.categories.map((c) => c.rules)])]
      .flat()
      .flatMap((rule) => (rule.rule === 'declarations' ? rule.items.map((i) => i.id) : [])),
  ),
];

export const entry = (
  definition: ContestDefinition,
  input: Partial<RegistrationInputRaw> & Pick<RegistrationInputRaw, 'trackId' | 'entrantKind'>,
): RegistrationInput =>
  registrationInputSchema.parse({
    title: '社保卡智慧应用',
    leader: person(1),
    declarations: allDeclarations(definition),
    ...(input.entrantKind === 'team' ? { teamName: '测试团队' } : {}),
    ...input,
  });

/** Valid 统一社会信用代码 (GB 32100 check characters). */
export const creditCodes = {
  enterprise: '91350100M000100Y43',
  university: '52130700MJ0000001J',
  government: '12130700MB1234567W',
  anotherEnterprise: '91130700MA0A1B2C30',
} as const;

/** An entry of the seed, with every declaration accepted, parsed as the API parses it. */
export const entryOf = (seed: Seed, input: Parameters<typeof entry>[1]): RegistrationInput => entry(seedDefinition(seed), input);

/** What 000 says to a registration outside its window. */
export const closedMessageOf000 = {
  zh: '不在报名时间内：报名及作品提交为 2025-05-12T00:00:00+08:00 至 2025-09-09T23:59:59+08:00（Asia/Shanghai）',
  en: 'Registration is closed: Registration and submission runs from 2025-05-12T00:00:00+08:00 to 2025-09-09T23:59:59+08:00 (Asia/Shanghai)',
};

/** The problem 000 finds in a team of 11 in 应用开发赛道（社会组）, which allows 10 (`socialTeam(10)`). */
export const teamOf11In000 = {
  code: 'team.too_large',
  message: {
    zh: '团队 11 人，应用开发赛道（社会组）上限 10 人（含负责人）',
    en: 'The team has 11 people; Application Development (Public) allows at most 10, leader included',
  },
  path: 'members',
  rule: 'rules[1]',
};
