/**
 * Fixtures for the registration and contest integration tests: the real seed definitions published
 * through the contest service, accounts with roles, clocks inside each seed's windows, and entries
 * that pass every rule of their place, so each test changes only what it is about.
 */
import type { Kysely } from 'kysely';
import { publishContest } from '../../src/contest/service.ts';
import { loadDefinitionFile } from '../../src/contest/load.ts';
import type { ContestDefinition } from '../../src/contest/schema/index.ts';
import { createAccount, type Account, type RoleGrant } from '../../src/platform/auth/service.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/db-types.ts';
import { contestsFolder, creditCodes, entryOf, people, person, seeds, type Seed } from './factories.ts';
import type { RegistrationInputRaw } from '../../src/registration/schema.ts';

export { closedMessageOf000, contestsFolder, creditCodes, entryOf, people, person, phone, seeds, teamOf11In000, type Seed } from './factories.ts';

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
  await publishContest(
    db,
    { definition: published, sourceYaml: change ? `${source}\n# changed by a test` : source, sourceFile: `contests/${seeds[seed].file}` },
    'system',
    during[seed],
  );
  return published;
}

let accounts = 0;

/** A fresh account (argon2 hashing makes each one cost a few milliseconds) with the given roles. */
export const newAccount = (db: Kysely<Database>, displayName: string, roles: RoleGrant[] = [{ role: 'participant' }]): Promise<Account> =>
  createAccount(db, { email: `person${++accounts}-${Date.now()}@example.com`, password: 'correct horse', displayName }, during['000'], roles);

/** A contest's audit chain as stored, oldest first: what each test of an audited change reads back. */
export const auditEventsOf = (db: Kysely<Database>, contestId: string) =>
  db.selectFrom('audit_events').select(['seq', 'actor', 'type', 'payload']).where('contest_id', '=', contestId).orderBy('seq').execute();

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
  entryOf('003', {
    trackId: 'hackathon',
    entrantKind: 'team',
    teamName: '灵活就业保障设计实验室',
    leader: person(from, { experienceYears: 5 }),
    members: people(size - 1, from + 1, { experienceYears: 3 }),
  });

/** 001: two teams in different tracks that share one person (person 13), for 禁止不同参赛团队共用相同队员. */
export const teamsSharingAMember = {
  first: () =>
    entryOf('001', {
      title: '县域政务数据共享平台',
      trackId: 'government-services',
      entrantKind: 'team',
      teamName: '正定县数据共享攻坚队',
      leader: person(11),
      members: people(3, 12),
    }),
  second: () =>
    entryOf('001', {
      title: '信用画像',
      trackId: 'financial-innovation',
      entrantKind: 'team',
      teamName: '信易贷小组',
      leader: person(21),
      members: [person(13), person(22)],
    }),
};
