import type { Kysely } from 'kysely';
import { requireAccount } from '../platform/auth/policy.ts';
import type { Database } from '../platform/db-types.ts';
import { inTransaction } from '../platform/transaction.ts';
import { forbidden } from '../platform/errors.ts';
import { maskedFields } from './identity.ts';
import { canRevealRegistration } from './policy.ts';
import { toInput } from './records.ts';
import { appendRegistrationAudit, getRegistration, type Actor } from './service.ts';

/** The fields a reveal discloses, by their path in the entry: `leader.phone`, `members[0].idNumber`. */
export const revealedFields = (entry: ReturnType<typeof toInput>) => [
  ...maskedFields(entry.leader).map((field) => `leader.${field}`),
  ...entry.members.flatMap((person, i) => maskedFields(person).map((field) => `members[${i}].${field}`)),
  ...entry.advisors.flatMap((person, i) => maskedFields(person).map((field) => `advisors[${i}].${field}`)),
];

/**
 * An organiser needs one entry's full contact or ID data (to verify eligibility, to pay a prize).
 * Effects: `registration.revealed` with who, why and which fields, before anything is shown; the
 * caller then presents the entry unmasked.
 */
export async function revealRegistration(db: Kysely<Database>, id: string, reason: string, actor: Actor) {
  const account = requireAccount(actor.account);
  const row = await getRegistration(db, id);
  if (!canRevealRegistration(account, row)) throw forbidden('registration.reveal_forbidden');
  const fields = revealedFields(toInput(row));
  await inTransaction(db, (trx) =>
    appendRegistrationAudit(trx, row.contest_id, actor, 'registration.revealed', { registrationId: id, ref: row.ref, reason, fields }),
  );
  return row;
}
