/**
 * Fixtures for the voting tests: seed 000 published with entries registered through the service, and
 * voters as the SMS sign-in leaves them (a row per proven number).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db-types.ts';
import { registerEntry } from '../../src/registration/service.ts';
import { during, entryOf, newAccount, people, person, publishSeed } from './test-fixtures.ts';

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
