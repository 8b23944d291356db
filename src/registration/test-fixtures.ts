/**
 * Fixtures for the registration and contest integration tests: the real seed definitions published
 * through the contest service, accounts with roles, clocks inside each seed's windows, and entries
 * that pass every rule of their place, so each test changes only what it is about.
 */
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { publishContest } from '../contest/service.ts';
import { loadDefinitionFile } from '../contest/load.ts';
import type { ContestDefinition } from '../contest/schema/index.ts';
import { createAccount, type Account, type RoleGrant } from '../platform/auth/service.ts';
import { fixedClock } from '../platform/clock.ts';
import type { Database } from '../platform/db-types.ts';
import { registrationInputSchema, type PersonInput, type RegistrationInput, type RegistrationInputRaw } from './schema.ts';

export const contestsFolder = fileURLToPath(new URL('../../contests', import.meta.url));

export const seeds = {
  '000': { id: 'jjj-social-security-card-2025', file: '000-jjj-social-security-card-2025.yaml' },
  '001': { id: 'hebei-smart-government-data-2022', file: '001-hebei-smart-government-data-2022.yaml' },
  '002': { id: 'yangquan-medical-e-voucher-works-2022', file: '002-yangquan-medical-e-voucher-works-2022.yaml' },
  '003': { id: 'ilo-digital-social-security-hackathon-2021', file: '003-ilo-digital-social-security-hackathon-2021.yaml' },
  '004': { id: 'hebei-data-elements-2025', file: '004-hebei-data-elements-2025.yaml' },
} as const;

export type Seed = keyof typeof seeds;

/** Inside each seed's registration window (Asia/Shanghai). */
export const during = {
  '000': fixedClock('2025-06-01T10:00:00+08:00'),
  '001': fixedClock('2022-04-01T10:00:00+08:00'),
  '002': fixedClock('2022-09-20T10:00:00+08:00'),
  '003': fixedClock('2021-07-15T10:00:00+08:00'),
  '004': fixedClock('2025-06-15T10:00:00+08:00'),
} as const;

/** The last second of 000's registration (2025-05-12 to 2025-09-09), and the one after. */
export const lastSecondOf000 = fixedClock('2025-09-09T23:59:59+08:00');
export const afterDeadlineOf000 = fixedClock('2025-09-10T00:00:00+08:00');

export const loadSeed = async (seed: Seed): Promise<{ definition: ContestDefinition; source: string }> => {
  const loaded = await loadDefinitionFile(`${contestsFolder}/${seeds[seed].file}`);
  if (!loaded.ok) throw new Error(`seed ${seed} is invalid`);
  return { definition: loaded.definition, source: loaded.source };
};

/** Publishes a seed as `leitai serve` does, or a changed copy of it (`change` edits the definition). */
export async function publishSeed(db: Kysely<Database>, seed: Seed, change?: (definition: ContestDefinition) => ContestDefinition) {
  const { definition, source } = await loadSeed(seed);
  const published = change ? change(structuredClone(definition)) : definition;
  await publishContest(db, { definition: published, sourceYaml: change ? `${source}\n# changed by a test` : source, sourceFile: `contests/${seeds[seed].file}` }, 'system', during[seed]);
  return published;
}

let accounts = 0;

/** A fresh account (argon2 hashing makes each one cost a few milliseconds) with the given roles. */
export const newAccount = (db: Kysely<Database>, displayName: string, roles: RoleGrant[] = [{ role: 'participant' }]): Promise<Account> =>
  createAccount(db, { email: `person${++accounts}-${Date.now()}@example.com`, password: 'correct horse', displayName }, during['000'], roles);

/** Valid mainland mobiles, numbered so every person in a test is someone else. */
export const phone = (n: number) => `139${String(n).padStart(8, '0')}`;

export const person = (n: number, extra: Partial<PersonInput> = {}): PersonInput => ({ name: `参赛者${n}`, phone: phone(n), ...extra });

export const people = (count: number, from: number, extra: Partial<PersonInput> = {}) => Array.from({ length: count }, (_, i) => person(from + i, extra));

/** Valid 统一社会信用代码 (GB 32100 check characters). */
export const creditCodes = { enterprise: '91350100M000100Y43', university: '52130700MJ0000001J', government: '12130700MB1234567W' } as const;

const declarationsOf: Record<Seed, string[]> = {
  '000': ['actual-participants', 'truthful-and-clear-ip', 'accept-rules'],
  '001': ['roadshows', 'clear-ip', 'truthful'],
  '002': ['original-unpublished', 'copyright', 'organiser-use'],
  '003': ['respect-existing-ip'],
  '004': ['one-topic-hebei-only', 'in-actual-use', 'supplementary-materials'],
};

/** An entry of the seed, with every declaration accepted, parsed as the API parses it. */
export const entryOf = (seed: Seed, input: Partial<RegistrationInputRaw> & Pick<RegistrationInputRaw, 'trackId' | 'entrantKind'>): RegistrationInput =>
  registrationInputSchema.parse({
    title: '社保卡智慧应用',
    leader: person(1),
    declarations: declarationsOf[seed],
    ...(input.entrantKind === 'team' ? { teamName: '测试团队' } : {}),
    ...input,
  });

/** 000: a team in 应用开发赛道（社会组）, the leader and `members` more people. */
export const socialTeam = (members: number, from = 2, extra: Partial<RegistrationInputRaw> = {}) =>
  entryOf('000', { trackId: 'app-dev', groupId: 'social', entrantKind: 'team', teamName: '社保卡创新团队', members: people(members, from), ...extra });

/** 004: a lead enterprise and a partner university in 张家口赛区. */
export const dataElementsEntry = (extra: Partial<RegistrationInputRaw> = {}) =>
  entryOf('004', {
    title: '张家口算力调度数据平台',
    trackId: 'industrial-manufacturing',
    zoneId: 'zhangjiakou',
    entrantKind: 'organisation',
    leader: person(41),
    organisations: [
      { name: '张家口某数据科技有限公司', type: 'enterprise', isLead: true, hasLegalEntity: true, creditCode: creditCodes.enterprise },
      { name: '河北北方学院', type: 'university', isLead: false, hasLegalEntity: true, creditCode: creditCodes.university },
    ],
    ...extra,
  });

/** 003: a team of `size` people, each with the two years of work experience the handbook asks. */
export const hackathonTeam = (size: number, from = 31) =>
  entryOf('003', { trackId: 'hackathon', entrantKind: 'team', teamName: '灵活就业保障设计实验室', leader: person(from, { experienceYears: 5 }), members: people(size - 1, from + 1, { experienceYears: 3 }) });
