/**
 * Fixtures for the voting tests: seed 000 published with entries registered through the service, and
 * voters as the SMS sign-in leaves them (a row per proven number).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import type { ContestDefinition } from '../../src/contest/schema/index.ts';
import { sessionIdOf } from '../../src/platform/auth/service.ts';
import type { Database } from '../../src/platform/db-types.ts';
import type { LeitaiApp } from '../../src/platform/http/server.ts';
import { registerEntry } from '../../src/registration/service.ts';
import { during, entryOf, newAccount, people, person, publishSeed } from './test-fixtures.ts';
import { solvedChallenge, type CapturingSms } from './voting.ts';

/** 000 with `count` teams in 应用开发赛道（社会组）, each of two people of its own; their registration ids in order. */
export async function contestWithEntries(db: Kysely<Database>, count: number, change?: Parameters<typeof publishSeed>[2]) {
  const definition = await publishSeed(db, '000', change);
  const account = await newAccount(db, '参赛者');
  const entries: string[] = [];
  for (let n = 0; n < count; n++) {
    const input = entryOf('000', {
      title: `社保卡智慧应用 ${n + 1}`,
      trackId: 'app-dev',
      groupId: 'social',
      entrantKind: 'team',
      teamName: `社保卡创新团队 ${n + 1}`,
      leader: person(100 + 2 * n),
      members: people(1, 101 + 2 * n),
    });
    entries.push((await registerEntry(db, definition.id, input, { account, clock: during['000'] })).id);
  }
  return { definition, contestId: definition.id, entries };
}

/** A voter whose number was proven: `13800000000 + n`. */
export async function newVoter(db: Kysely<Database>, n: number): Promise<string> {
  const id = randomUUID();
  const at = new Date('2025-09-01T00:00:00Z');
  await db
    .insertInto('voters')
    .values({ id, phone: String(13800000000 + n), created_at: at, verified_at: at })
    .execute();
  return id;
}

/** A voter signed in through the API (code by SMS, then the session): the cookie to vote with. */
export async function signedInVoter(app: LeitaiApp, sms: CapturingSms, phone: string): Promise<string> {
  await app.inject({ method: 'POST', url: '/api/voting/codes', payload: { phone } });
  const reply = await app.inject({ method: 'POST', url: '/api/voting/sessions', payload: { phone, code: sms.lastCode(phone) } });
  const cookie = reply.cookies.find((c) => c.name === 'leitai_voter');
  if (!cookie) throw new Error(`${phone} was not signed in: ${reply.body}`);
  return `leitai_voter=${cookie.value}`;
}

/** A fresh challenge from the server, solved as the widget does: good for one vote. */
export const solvedFrom = async (app: LeitaiApp) => solvedChallenge((await app.inject({ method: 'GET', url: '/api/voting/challenge' })).json());

/** A definition whose public vote runs from the day before `at` to the day after (Asia/Shanghai): servers on the real clock take votes. */
export const voteOpenAround =
  (at: Date) =>
  (definition: ContestDefinition): ContestDefinition => {
    const day = (offset: number) => DateTime.fromJSDate(at, { zone: definition.timeZone }).plus({ days: offset }).toISODate()!;
    return { ...definition, phases: definition.phases.map((phase) => (phase.kind === 'public-vote' ? { ...phase, start: day(-1), end: day(1) } : phase)) };
  };

/**
 * `count` voters signed in, as many sessions as SMS codes would have opened, written in bulk: the
 * session tokens (cookie values `leitai_voter=<token>`), in order, for load tests and benchmarks.
 * Their numbers lie 7,919 apart, as a crowd's do, not in a block as a SIM pool's (fraud/number-block.ts).
 */
export async function votersWithSessions(db: Kysely<Database>, count: number): Promise<string[]> {
  const tokens = Array.from({ length: count }, () => randomBytes(24).toString('base64url'));
  const at = new Date();
  const expires = new Date(at.getTime() + 86_400_000);
  for (let from = 0; from < count; from += 5000) {
    const ids = tokens.slice(from, from + 5000).map(() => randomUUID());
    await db
      .insertInto('voters')
      .values(ids.map((id, i) => ({ id, phone: String(13_000_000_000 + (((from + i) * 7919) % 1_000_000_000)), created_at: at, verified_at: at })))
      .execute();
    await db
      .insertInto('voter_sessions')
      .values(ids.map((id, i) => ({ id: sessionIdOf(tokens[from + i]), voter_id: id, created_at: at, expires_at: expires })))
      .execute();
  }
  return tokens;
}
