/**
 * Fixtures for the scoring and publishing tests: entries registered through the registration
 * service, assignment pairs written directly (the tests are about scoring, not the assignment
 * service, which review/assignment tests through the API), sessions and a server with every
 * feature's routes on a clock the test moves.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { openSession, type Account } from '../../src/platform/auth/service.ts';
import type { Clock } from '../../src/platform/clock.ts';
import type { Database, RegistrationRow } from '../../src/platform/db-types.ts';
import { registerEntry } from '../../src/registration/service.ts';
import type { RegistrationInput } from '../../src/registration/schema.ts';
import { featureRoutes } from '../../src/server.ts';
import { during, hackathonTeam, newAccount, person, seeds, socialTeam, type Seed } from './test-fixtures.ts';
import { testServer } from './test-server.ts';
import { movableClock } from './test-uploads.ts';

export const reviewServer = (db: Kysely<Database>, clock: Clock) => testServer(db, { clock, registerRoutes: featureRoutes });

export const sessionOf = async (db: Kysely<Database>, account: Account, clock: Clock) => ({
  cookie: `leitai_session=${(await openSession(db, account.id, clock)).token}`,
});

/** A clock that starts inside the seed's registration window; tests move it into a round's window. */
export const reviewClock = (seed: Seed) => movableClock(during[seed].now().toISOString());

export interface TestEntry {
  row: RegistrationRow;
  owner: Account;
}

/** Registers each entry with its own leader's account, at the clock's time. */
export async function registerAll(db: Kysely<Database>, seed: Seed, inputs: RegistrationInput[], clock: Clock): Promise<TestEntry[]> {
  const entries: TestEntry[] = [];
  for (const [i, input] of inputs.entries()) {
    const owner = await newAccount(db, `负责人${i + 1}`);
    entries.push({ row: await registerEntry(db, seeds[seed].id, input, { account: owner, clock }), owner });
  }
  return entries;
}

/** 003: `count` teams of three, each of other people, titled 作品1, 作品2… */
export const hackathonTeams = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ ...hackathonTeam(3, 100 + i * 10), title: `作品${i + 1}`, teamName: `团队${i + 1}` }));

/** 000: `count` social-group teams of two, each of other people, titled 作品1, 作品2… */
export const socialTeams = (count: number) =>
  Array.from({ length: count }, (_, i) => socialTeam(1, 200 + i * 10, { leader: person(205 + i * 10), title: `作品${i + 1}`, teamName: `团队${i + 1}` }));

/** Pairs of the round as one done hand run of the organiser's, written directly. */
export async function assignPairs(db: Kysely<Database>, contestId: string, roundId: string, pairs: { judgeId: string; registrationId: string }[], by: Account) {
  const runId = randomUUID();
  const at = during['000'].now();
  await db
    .insertInto('assignment_runs')
    .values({
      id: runId,
      contest_id: contestId,
      round_id: roundId,
      kind: 'hand',
      status: 'done',
      progress: JSON.stringify({ routed: pairs.length, total: pairs.length }),
      started_by: by.id,
      started_at: at,
      finished_at: at,
    })
    .execute();
  await db
    .insertInto('assignments')
    .values(pairs.map((p) => ({ contest_id: contestId, round_id: roundId, judge_id: p.judgeId, registration_id: p.registrationId, added_by_run: runId })))
    .execute();
}
