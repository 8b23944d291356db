/**
 * What the audit log vouches for of a registration: every registration event records the keyed
 * digest of the registration as the change left it (see src/audit/rows.ts), and `audit verify`
 * digests the current rows the same way. Keyed, because the entrant holds people's phones and ID
 * numbers.
 */
import type { Kysely } from 'kysely';
import { keyedDigest } from '../audit/key.ts';
import type { StateSource } from '../audit/service.ts';
import type { Database, RegistrationMemberRow, RegistrationRow } from '../platform/db-types.ts';
import * as queries from './queries.ts';

const subject = (id: string) => `registration:${id}`;

/** The columns that say what was entered and by whom, and its people; not bookkeeping (times of change, the demo mark). */
export const registrationDigest = (row: RegistrationRow, members: RegistrationMemberRow[]) =>
  keyedDigest('registration.state', {
    contestId: row.contest_id,
    ref: row.ref,
    title: row.title,
    entrantKind: row.entrant_kind,
    place: [row.track_id, row.group_id, row.category_id, row.topic_id, row.zone_id],
    owner: row.owner_account_id,
    status: row.status,
    withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
    entrant: row.entrant,
    members: members.map((m) => [m.role, m.person_key, m.name, m.status, m.account_id]).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)),
  });

/** The `state` of an event about this registration, from its rows as the change wrote them (what the inserts returned). */
export const registrationStateOf = (row: RegistrationRow, members: RegistrationMemberRow[]): Record<string, string> => ({
  [subject(row.id)]: registrationDigest(row, members),
});

/** The `state` of an event about this registration: read inside the transaction, after the change. */
export async function registrationState(db: Kysely<Database>, id: string): Promise<Record<string, string | null>> {
  const row = await queries.registrationById(db, id);
  if (!row) return { [subject(id)]: null };
  return registrationStateOf(row, await queries.membersOf(db, [id]));
}

const PAGE = 500;

export const registrationStates: StateSource = {
  kinds: ['registration'],
  chains: (db) => queries.contestsWithRegistrations(db),
  async *rows(db, contestId) {
    let afterId = '';
    for (;;) {
      const page = await queries.registrationsPage(db, contestId, afterId, PAGE);
      const members = new Map<string, RegistrationMemberRow[]>();
      for (const member of await queries.membersOf(
        db,
        page.map((r) => r.id),
      )) {
        members.set(member.registration_id, [...(members.get(member.registration_id) ?? []), member]);
      }
      for (const row of page) {
        yield { subject: subject(row.id), label: `registration ${row.ref}`, digest: registrationDigest(row, members.get(row.id) ?? []) };
      }
      if (page.length < PAGE) return;
      afterId = page[page.length - 1].id;
    }
  },
};
