import { sql, type Kysely } from 'kysely';
import { comparableText } from '../text.ts';

/**
 * The keys the rules across registrations compare, one row each, so a registration loads only the
 * entries that share a person or an organisation with it instead of the whole contest:
 * - registration_identifiers: every person's canonical ID number, phone and email (and name, for
 *   the organiser's search), with their role and the entry's division (conflict-of-interest lookups);
 * - registration_organisations: every organisation's credit code and comparable name, type, lead;
 * - registration_counters: each contest's last reference number, taken at the end of a registration
 *   instead of counting the contest's rows under a contest-wide lock.
 * Only active registrations have key rows. A migration keeps its own copy of how keys are derived:
 * it must do what it did when it shipped, whatever the code does later.
 */

interface Person {
  name?: unknown;
  phone?: unknown;
  idNumber?: unknown;
  email?: unknown;
}
interface Organisation {
  name?: unknown;
  creditCode?: unknown;
  type?: unknown;
  isLead?: unknown;
}
interface Entrant {
  leader?: Person;
  members?: Person[];
  advisors?: Person[];
  organisations?: Organisation[];
}
interface Row {
  id: string;
  contest_id: string;
  track_id: string;
  group_id: string | null;
  category_id: string | null;
  entrant: Entrant;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

const personKeys = (person: Person) => {
  const id = text(person.idNumber);
  const phone = text(person.phone);
  const email = text(person.email);
  const name = text(person.name);
  return [
    ...(id ? [['id', id.replace(/\s/g, '').toUpperCase()]] : []),
    ...(phone ? [['phone', phone.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '')]] : []),
    ...(email ? [['email', email.toLowerCase()]] : []),
    ...(name ? [['name', name]] : []),
  ];
};

const keyRows = (row: Row) => {
  const division = (row.group_id ?? row.category_id) ? `${row.track_id}/${row.group_id ?? row.category_id}` : row.track_id;
  const people: [Person, string][] = [
    ...(row.entrant.leader ? [[row.entrant.leader, 'leader'] as [Person, string]] : []),
    ...(row.entrant.members ?? []).map((p): [Person, string] => [p, 'member']),
    ...(row.entrant.advisors ?? []).map((p): [Person, string] => [p, 'advisor']),
  ];
  const identifiers = people.flatMap(([person, role]) =>
    personKeys(person).map(([kind, value]) => ({ contest_id: row.contest_id, registration_id: row.id, kind, value, person_role: role, division_id: division })),
  );
  const organisations = (row.entrant.organisations ?? []).map((o) => ({
    contest_id: row.contest_id,
    registration_id: row.id,
    credit_code: text(o.creditCode)?.trim().toUpperCase() ?? null,
    name_key: comparableText(text(o.name) ?? ''),
    type: text(o.type) ?? '',
    is_lead: o.isLead === true,
    division_id: division,
  }));
  return { identifiers, organisations };
};

const PAGE = 500;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('registration_identifiers')
    .addColumn('contest_id', 'text', (c) => c.notNull())
    .addColumn('registration_id', 'text', (c) => c.notNull().references('registrations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('id', 'phone', 'email', 'name')`))
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('person_role', 'text', (c) => c.notNull().check(sql`person_role in ('leader', 'member', 'advisor')`))
    .addColumn('division_id', 'text', (c) => c.notNull())
    .execute();
  // text_pattern_ops serves both the rules' equality lookups and the organiser's prefix search.
  await sql`create index registration_identifiers_key on registration_identifiers (contest_id, kind, value text_pattern_ops)`.execute(db);
  await db.schema.createIndex('registration_identifiers_registration').on('registration_identifiers').column('registration_id').execute();

  await db.schema
    .createTable('registration_organisations')
    .addColumn('contest_id', 'text', (c) => c.notNull())
    .addColumn('registration_id', 'text', (c) => c.notNull().references('registrations.id').onDelete('cascade'))
    .addColumn('credit_code', 'text')
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('is_lead', 'boolean', (c) => c.notNull())
    .addColumn('division_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('registration_organisations_credit_code').on('registration_organisations').columns(['contest_id', 'credit_code']).execute();
  await db.schema.createIndex('registration_organisations_name').on('registration_organisations').columns(['contest_id', 'name_key']).execute();
  await db.schema.createIndex('registration_organisations_registration').on('registration_organisations').column('registration_id').execute();

  await db.schema
    .createTable('registration_counters')
    .addColumn('contest_id', 'text', (c) => c.primaryKey().references('contests.id').onDelete('cascade'))
    .addColumn('last_ref', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into registration_counters (contest_id, last_ref) select contest_id, count(*) from registrations group by contest_id`.execute(db);

  // The organiser's table pages by time of registration or title within a contest, and its "who can see it" lookups by account.
  await db.schema.createIndex('registrations_contest_created').on('registrations').columns(['contest_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('registrations_contest_title').on('registrations').columns(['contest_id', 'title', 'id']).execute();
  await db.schema.createIndex('registrations_owner').on('registrations').column('owner_account_id').execute();
  await db.schema.createIndex('registration_members_account').on('registration_members').column('account_id').execute();

  let after = '';
  for (;;) {
    const rows: Row[] = await db
      .selectFrom('registrations')
      .select(['id', 'contest_id', 'track_id', 'group_id', 'category_id', 'entrant'])
      .where('status', '=', 'active')
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    const keys = rows.map(keyRows);
    const identifiers = keys.flatMap((k) => k.identifiers);
    const organisations = keys.flatMap((k) => k.organisations);
    if (identifiers.length) await db.insertInto('registration_identifiers').values(identifiers).execute();
    if (organisations.length) await db.insertInto('registration_organisations').values(organisations).execute();
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].id;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('registration_members_account').execute();
  await db.schema.dropIndex('registrations_owner').execute();
  await db.schema.dropIndex('registrations_contest_title').execute();
  await db.schema.dropIndex('registrations_contest_created').execute();
  await db.schema.dropTable('registration_counters').execute();
  await db.schema.dropTable('registration_organisations').execute();
  await db.schema.dropTable('registration_identifiers').execute();
}
