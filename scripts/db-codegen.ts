/**
 * Writes the row types of a migrated database as TypeScript (src/platform/db-generated.ts), with
 * kysely-codegen introspecting it. Used by `npm run db:types` (scripts/db-types.ts) on a fresh
 * embedded database, and by src/platform/db-generated.test.ts, which fails when the checked-in file
 * is not what the migrations give.
 *
 * What introspection alone would get wrong, and how it is set right here:
 * - jsonb: every jsonb column needs an entry in `jsonColumns` (the generator refuses one without),
 *   so the code reads the shape the feature stored, not any JSON.
 * - text with a `col in ('a', 'b')` check: typed as that union of literals, read from the constraint.
 * - bigint, timestamptz, bytea: read as number, Date and Uint8Array on both drivers (database.ts).
 */
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { generate, PostgresDialect, RawExpressionNode, type ColumnOverrides, type DatabaseMetadata } from 'kysely-codegen';
import * as prettier from 'prettier';

export const generatedTypesPath = fileURLToPath(new URL('../src/platform/db-generated.ts', import.meta.url));

/** The module the overrides' type names come from, relative to the generated file. */
const columnTypesModule = './db-columns.ts';

/** `table.column` → the type of the parsed value (nullable columns get `| null` from the database). */
const jsonColumns: Record<string, string> = {
  'assignment_runs.progress': 'Jsonb<AssignmentProgress>',
  'assignment_runs.summary': 'Jsonb<AssignmentRunSummary>',
  'audit_events.payload': 'Jsonb<unknown>',
  'contest_versions.definition': 'Jsonb<RawDefinition>',
  'judges.covers': 'Jsonb<string[]>',
  'judges.expertise': 'Jsonb<string[]>',
  'judges.rounds': 'Jsonb<string[]>',
  'registrations.entrant': 'Jsonb<StoredEntrant>',
  'round_publications.results': 'Jsonb<Results>',
  'scores.criteria': 'Jsonb<CriterionScores>',
  'submission_files.facts': 'Jsonb<FileFacts>',
  'submission_files.fingerprint': 'Jsonb<StoredFingerprint>',
  'submission_files.problems': 'Jsonb<StoredFileProblem[]>',
  'team_invitations.for_identifiers': 'Jsonb<string[]>',
  'votes.hold_reasons': 'Jsonb<HoldReason[]>',
};

/** The names `jsonColumns` uses, each exported by db-columns.ts. */
const columnTypeNames = [...new Set(Object.values(jsonColumns).flatMap((type) => type.match(/\b[A-Z]\w*/g) ?? []))];

/**
 * What a column means where its name does not say, shown on the generated property. A
 * `COMMENT ON COLUMN` in a migration says the same from the database and is kept instead.
 */
const columnNotes: Record<string, string> = {
  'accounts.email': 'Always stored lowercased; unique.',
  'accounts.is_demo': 'Made by `serve --demo`; signs in only under --demo.',
  'account_roles.contest_id': "null = every contest (the platform's demo organiser).",
  'account_roles.zone_id': 'Set for a zone coordinator (赛区); null otherwise.',
  'sessions.id': 'sha256 hex of the session token; the token itself is never stored.',
  'contests.current_version': 'The number of the contest_versions row in force.',
  'contests.edition_of': 'The id of the contest this edition was copied from.',
  'contest_versions.sha256': "Of the definition's canonical JSON (RFC 8785).",
  'contest_versions.definition': 'The definition as validated, in the format `format_version`; append-only.',
  'registrations.ref': 'Human reference, unique, e.g. `JSSC25-0004`.',
  'registrations.entrant': 'The full entrant as validated: persons, organisations.',
  'registrations.definition_version': 'The contest definition version the rules were last checked under (on register and on edit).',
  'registration_members.person_key': 'Stable person id: normalised ID number, else phone, else email.',
  'registration_organisations.credit_code': 'Normalised; the name is matched by `name_key` (comparableText).',
  'registration_counters.ref_prefix': "The contest's code before each reference (JSSC25 in JSSC25-0004), unique across contests.",
  'team_invitations.id': "Not secret: how the audit log and the leader's list name the invitation (the code is the capability).",
  'team_invitations.for_name': 'The listed person the invitation is for, or null for anyone the leader shares it with.',
  'audit_events.contest_id': "The contest's id, or PLATFORM_AUDIT_CHAIN for events of no contest.",
  'audit_heads.chain': "The chain: a contest id, or '' for the platform's chain.",
  'judges.rounds': 'The ids of the rounds the judge serves; empty = every round.',
  'judges.covers': 'The divisions (track or track/group ids) the judge covers; empty = every division.',
  'judges.cap': 'The most entries the judge takes in one round; null = the round decides.',
  'judges.account_id': 'Set when the judge accepts the invitation.',
  'judge_invitations.code_hash': 'sha256 hex of the single-use code; the code itself is only in the link.',
  'assignments.removed_by_run': 'The run that took the pair away; null while the pair stands.',
  'scores.criteria': "Criterion id → the judge's value on that criterion's scale.",
  'scores.total': 'Given directly in a round without a rubric; null where the criteria give it.',
  'voters.phone': 'The mainland mobile number proven by SMS code, normalised (11 digits); shown masked.',
  'voter_codes.code_hash': 'sha256 hex of the one-time code; the code itself goes only to the phone.',
  'votes.subnet': 'The /24 (IPv4) or /48 (IPv6) the address is in, for the per-subnet limits and signals.',
  'votes.device': "A digest of the client's device signals (user agent and headers), never the raw values.",
  'votes.status': 'counted: in the tallies; held: apart until an organiser decides; rejected: confirmed suspect, never counted.',
  'vote_tallies.counted': 'Counted votes of the entry in the phase, moved with each group commit.',
  'round_publications.sha256': "Of the results' canonical JSON; the same hash is in the round.published event.",
  'uploads.id': 'The tus upload id; its bytes are in the upload store under this id.',
  'uploads.hash_state': "hash-wasm's saved SHA-256 state after `hashed_bytes` bytes.",
  'submission_files.bytes_purged_at': "Set when a refused version's bytes were deleted after the retention; the row and its SHA-256 stay.",
  'submission_files.definition_version': "The contest definition version the file's checks ran under.",
};

const header = `/**
 * The database's tables as Kysely sees them, generated from the migrations by \`npm run db:types\`
 * (scripts/db-codegen.ts): do not edit. db-generated.test.ts fails when this is out of date.
 */
`;

/** The TypeScript source of the row types of `db`, migrated to the latest version, formatted as the repository is. */
export async function databaseTypes(db: Kysely<any>): Promise<string> {
  const overrides: ColumnOverrides = {};
  for (const [column, type] of Object.entries(jsonColumns)) overrides[column] = new RawExpressionNode(type);
  for (const [column, values] of await checkedValues(db)) overrides[column] = new RawExpressionNode(values.map(quote).join(' | '));
  const source = await generate({
    db,
    dialect: new PostgresDialect(),
    outFile: null,
    excludePattern: 'kysely_migration*',
    skipAutogeneratedFileComment: true,
    typeMapping: { int8: 'number', timestamptz: 'Date', bytea: 'Uint8Array' },
    overrides: { columns: overrides },
    customImports: Object.fromEntries(columnTypeNames.map((name) => [name, columnTypesModule])),
    postprocess: async ({ metadata }) => annotated(metadata),
  });
  return prettier.format(header + source, { ...(await prettier.resolveConfig(generatedTypesPath)), filepath: generatedTypesPath });
}

/** Refuses a jsonb column without a type, and adds the notes. */
function annotated(metadata: DatabaseMetadata): DatabaseMetadata {
  for (const table of metadata.tables) {
    for (const column of table.columns) {
      const path = `${table.name}.${column.name}`;
      if (column.dataType === 'jsonb' && !(path in jsonColumns)) throw new Error(`${path} is jsonb: give it a type in jsonColumns (scripts/db-codegen.ts)`);
      column.comment ??= columnNotes[path] ?? null;
    }
  }
  return metadata;
}

/**
 * Columns with a check of the form `column in ('a', 'b')`, which PostgreSQL keeps as
 * `CHECK ((column = ANY (ARRAY['a'::text, 'b'::text])))`; other checks leave the column a string.
 */
async function checkedValues(db: Kysely<any>): Promise<[string, string[]][]> {
  const { rows } = await sql<{ table: string; column: string; definition: string }>`
    select t.relname as table, a.attname as column, pg_get_constraintdef(c.oid) as definition
    from pg_constraint c
    join pg_class t on t.oid = c.conrelid
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'c' and t.relnamespace = current_schema()::regnamespace and cardinality(c.conkey) = 1
    order by t.relname, a.attname`.execute(db);
  return rows.flatMap(({ table, column, definition }) => {
    const list = new RegExp(`^CHECK \\(\\(${column} = ANY \\(ARRAY\\[((?:'(?:[^']|'')*'::text(?:, )?)+)\\]\\)\\)\\)$`).exec(definition);
    if (!list) return [];
    return [[`${table}.${column}`, [...list[1].matchAll(/'((?:[^']|'')*)'::text/g)].map((m) => m[1].replaceAll("''", "'"))]];
  });
}

const quote = (value: string) => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
