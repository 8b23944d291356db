import { sql, type Kysely } from 'kysely';

/**
 * References become unique across contests: each contest's counter keeps a short code of the
 * contest (JSSC25) and every reference carries it (JSSC25-0004). Existing references gain their
 * contest's code; events already in the audit log keep the number they were written with (the log is
 * append-only) and name the registration by id beside it.
 *
 * The code is derived here as src/registration/reference.ts derives it today, copied on purpose: a
 * migration must give the same codes forever, whatever the rule becomes.
 */
const LETTERS = 'BCDEFGHJKLMNPQRSTUVWXYZ';
const candidatesOf = (contestId: string) => {
  const words = contestId.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const initials =
    words
      .filter((w) => /^[A-Za-z]/.test(w))
      .map((w) => w[0].toUpperCase())
      .slice(0, 4)
      .join('') || 'C';
  const year = words.filter((w) => /^(19|20)\d{2}$/.test(w)).at(-1);
  const base = `${initials}${year ? year.slice(2) : ''}`;
  return [base, ...[...LETTERS].map((letter) => `${base}${letter}`)];
};

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('registration_counters').addColumn('ref_prefix', 'text').execute();
  const counters = await db.selectFrom('registration_counters').select('contest_id').orderBy('contest_id').execute();
  const taken = new Set<string>();
  for (const { contest_id } of counters) {
    const prefix = candidatesOf(contest_id).find((candidate) => !taken.has(candidate));
    if (!prefix) throw new Error(`no free reference code for contest ${contest_id}`);
    taken.add(prefix);
    await db.updateTable('registration_counters').set({ ref_prefix: prefix }).where('contest_id', '=', contest_id).execute();
  }
  await db.schema
    .alterTable('registration_counters')
    .alterColumn('ref_prefix', (c) => c.setNotNull())
    .execute();
  await db.schema.createIndex('registration_counters_ref_prefix').unique().on('registration_counters').column('ref_prefix').execute();
  await sql`update registrations r set ref = c.ref_prefix || '-' || r.ref from registration_counters c where c.contest_id = r.contest_id`.execute(db);
  await db.schema.createIndex('registrations_ref').unique().on('registrations').column('ref').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('registrations_ref').execute();
  await sql`update registrations set ref = substring(ref from position('-' in ref) + 1) where position('-' in ref) > 0`.execute(db);
  await db.schema.dropIndex('registration_counters_ref_prefix').execute();
  await db.schema.alterTable('registration_counters').dropColumn('ref_prefix').execute();
}
