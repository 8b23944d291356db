/**
 * Judges for the review tests that are not about inviting them: an account with the judge role on
 * the contest and an active judges row, written directly, so assignment, scoring and publishing tests
 * need not go through the invitation flow (src/review/judges tests that through the API).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { grantRole, type Account } from '../../src/platform/auth/service.ts';
import type { Database } from '../../src/platform/db-types.ts';
import { during, newAccount } from './test-fixtures.ts';

export interface TestJudge {
  id: string;
  account: Account;
}

export interface TestJudgeProfile {
  name?: string;
  organisation?: string;
  employer?: string;
  school?: string;
  expertise?: string[];
  email?: string;
  phone?: string;
  idNumber?: string;
  /** Round ids; empty or absent: every round. */
  rounds?: string[];
  /** Division ids; empty or absent: every division. */
  covers?: string[];
  cap?: number;
}

export async function addJudge(db: Kysely<Database>, contestId: string, profile: TestJudgeProfile = {}): Promise<TestJudge> {
  const name = profile.name ?? `评委${randomUUID().slice(0, 4)}`;
  const account = await newAccount(db, name, []);
  await grantRole(db, account.id, { role: 'judge', contestId }, { actor: 'system', clock: during['000'] });
  const id = randomUUID();
  const at = during['000'].now();
  await db
    .insertInto('judges')
    .values({
      id,
      contest_id: contestId,
      account_id: account.id,
      name,
      organisation: profile.organisation ?? '',
      employer: profile.employer ?? '',
      school: profile.school ?? '',
      expertise: JSON.stringify(profile.expertise ?? []),
      email: profile.email ?? null,
      phone: profile.phone ?? null,
      id_number: profile.idNumber ?? null,
      rounds: JSON.stringify(profile.rounds ?? []),
      covers: JSON.stringify(profile.covers ?? []),
      cap: profile.cap ?? null,
      status: 'active',
      created_by: account.id,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const withRole = { ...account, roles: [...account.roles, { role: 'judge' as const, contestId, zoneId: null }] };
  return { id, account: withRole };
}
