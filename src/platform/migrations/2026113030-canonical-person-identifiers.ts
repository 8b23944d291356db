import type { Kysely } from 'kysely';

/**
 * Phones and ID numbers in registrations' entrant JSON as the registration schema now stores them:
 * a phone as its bare 11 digits (no +86 or 0086, no spaces or dashes), an ID number without spaces
 * and with an upper-case X. The rules already compared them normalised, and member person_keys were
 * always normalised, so only the stored entries change. A migration keeps its own copy of the
 * normalisation: it must do what it did when it shipped, whatever the code does later.
 */
const canonicalPhone = (value: string) => value.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
const canonicalIdNumber = (value: string) => value.replace(/\s/g, '').toUpperCase();

interface Person {
  phone?: unknown;
  idNumber?: unknown;
}

const canonicalPerson = (person: Person): Person => ({
  ...person,
  ...(typeof person.phone === 'string' ? { phone: canonicalPhone(person.phone) } : {}),
  ...(typeof person.idNumber === 'string' ? { idNumber: canonicalIdNumber(person.idNumber) } : {}),
});

export const canonicalEntrant = (entrant: { leader?: Person; members?: Person[]; advisors?: Person[] }) => ({
  ...entrant,
  ...(entrant.leader ? { leader: canonicalPerson(entrant.leader) } : {}),
  ...(Array.isArray(entrant.members) ? { members: entrant.members.map(canonicalPerson) } : {}),
  ...(Array.isArray(entrant.advisors) ? { advisors: entrant.advisors.map(canonicalPerson) } : {}),
});

const PAGE = 500;

export async function up(db: Kysely<any>): Promise<void> {
  let after = '';
  for (;;) {
    const rows: { id: string; entrant: Parameters<typeof canonicalEntrant>[0] }[] = await db
      .selectFrom('registrations')
      .select(['id', 'entrant'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const canonical = canonicalEntrant(row.entrant);
      if (JSON.stringify(canonical) !== JSON.stringify(row.entrant)) {
        await db
          .updateTable('registrations')
          .set({ entrant: JSON.stringify(canonical) })
          .where('id', '=', row.id)
          .execute();
      }
    }
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].id;
  }
}

/** The canonical forms are valid input in the old code too; the spellings they replaced are not kept. */
export async function down(): Promise<void> {}
