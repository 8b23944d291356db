import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { findAuditKey, installAuditKey } from '../audit/key.ts';
import type { ChainHead } from '../audit/rules.ts';
import type { RowsCheck } from '../audit/rows.ts';
import { parseHeadArgument, publishedHeadsSchema } from '../audit/schema.ts';
import { PLATFORM_AUDIT_CHAIN, auditHeads, verifyAuditLog, type AuditChainReport, type StateSource } from '../audit/service.ts';
import { loadConfig, type Config } from '../platform/config.ts';
import { openDatabase, type OpenedDatabase } from '../platform/database.ts';
import { AppError } from '../platform/errors.ts';
import { registrationStates } from '../registration/audit-state.ts';
import { reviewStates } from '../review/audit-state.ts';
import { scheduleStates } from '../schedule/audit-state.ts';
import { worksStates } from '../submission/audit-state.ts';
import { fail, print } from './output.ts';

const chainName = (chain: string) => (chain === PLATFORM_AUDIT_CHAIN ? '(platform)' : chain);

const describeRows = (rows: RowsCheck) =>
  rows.mismatched === 0
    ? [`; ${rows.checked} ${rows.checked === 1 ? 'row matches' : 'rows match'} the log`]
    : [
        `; ${rows.mismatched} ${rows.mismatched === 1 ? 'row differs' : 'rows differ'} from the log (${rows.checked} checked):`,
        ...rows.mismatches.map((m) => `\n  ${m.problem}: ${m.label} [${m.subject}]`),
        ...(rows.mismatched > rows.mismatches.length ? [`\n  … and ${rows.mismatched - rows.mismatches.length} more`] : []),
      ];

/**
 * One line per chain, and one more per row that differs:
 * `jjj-social-security-card-2025: intact, 42 events; 17 rows match the log` or `…: BROKEN at seq 7 (hash_mismatch)`.
 */
export const describeChainReport = (report: AuditChainReport) => {
  const chain = chainName(report.contestId);
  if (report.brokenAt) return `${chain}: BROKEN at seq ${report.brokenAt.seq} (${report.reason})`;
  const intact = `${chain}: intact, ${report.count} ${report.count === 1 ? 'event' : 'events'}`;
  // A chain with no rows to check (the platform's, a contest with no entries yet) says nothing of rows.
  return report.rows && (report.rows.checked > 0 || report.rows.mismatched > 0) ? [intact, ...describeRows(report.rows)].join('') : intact;
};

/** The rows `audit verify` checks against the state the log recorded. */
const STATE_SOURCES: StateSource[] = [registrationStates, worksStates, scheduleStates, reviewStates];

/**
 * Opens the database `leitai serve` uses (DATABASE_URL, else the embedded one in LEITAI_DATA_DIR),
 * runs `work`, and closes it. Refusals (the embedded database held by a running server, a database
 * Leitai never started on) are one clear message and exit 1.
 */
const withServerDatabase = async (config: Config, work: (database: OpenedDatabase) => Promise<void>) => {
  let database: OpenedDatabase | undefined;
  let refusal: string[] | undefined;
  try {
    database = await openDatabase({ url: config.databaseUrl, poolSize: config.databasePoolSize, dataDir: config.dataDir });
    await work(database);
  } catch (error) {
    if (error instanceof AppError) refusal = [error.localised.en, error.localised.zh];
    // 42P01 undefined_table: a database Leitai never started on.
    else if ((error as { code?: string }).code === '42P01') {
      refusal = [
        `No audit log in this database (${database?.kind === 'pglite' ? `embedded, in ${config.dataDir}` : 'DATABASE_URL'}): start Leitai on it once first.`,
      ];
    } else throw error;
  } finally {
    await database?.close();
  }
  if (refusal) fail(refusal);
};

/** Published heads from `--head <seq>:<hash>` (with --contest) or `--heads <file>` (what `audit head --json` printed). */
const publishedHeads = async (options: { contest?: string; head?: string; heads?: string }): Promise<Map<string, ChainHead>> => {
  const published = new Map<string, ChainHead>();
  if (options.head !== undefined) {
    const head = parseHeadArgument(options.head);
    if (!head) fail([`--head: expected <seq>:<64 hex digits of the hash>, got ${options.head}`]);
    if (options.contest === undefined) fail(['--head needs --contest <id>: the chain the head was published for']);
    published.set(options.contest!, head!);
  }
  if (options.heads !== undefined) {
    const parsed = publishedHeadsSchema.safeParse(JSON.parse(await readFile(options.heads, 'utf8')));
    if (!parsed.success) fail([`--heads ${options.heads}: expected the JSON printed by \`leitai audit head --json\``]);
    for (const { chain, seq, hash } of parsed.data!) if (options.contest === undefined || chain === options.contest) published.set(chain, { seq, hash });
  }
  return published;
};

/**
 * `leitai audit verify`: walks every hash chain of the audit log (or one contest's), checks each
 * chain's end against its stored head and any head published earlier, and the current registrations,
 * works, schedule changes, judges, submitted scores and round publications against the last state the
 * log recorded for them (this needs the audit key; without one it says so and checks the chains
 * alone). Reads only: it runs no migration and writes nothing. Exits 1 when anything does not match.
 * `leitai audit head`: each chain's head, to publish so that a later verify can be checked against it.
 */
export const addAuditCommands = (program: Command) => {
  const audit = program.command('audit').description('the hash-chained audit log / 审计日志');

  audit
    .command('verify')
    .description('check every hash chain of the audit log, its heads, and the current rows against it; exits 1 on any mismatch')
    .option('--contest <id>', "only this contest's chain")
    .option('--head <seq:hash>', 'a head of the --contest chain published earlier: the chain must still reach it')
    .option('--heads <file>', 'heads published earlier, as `leitai audit head --json` printed them')
    .option('--json', 'print the report of each chain as JSON')
    .action(async (options: { contest?: string; head?: string; heads?: string; json?: boolean }) => {
      const config = loadConfig();
      const published = await publishedHeads(options);
      const key = findAuditKey(config);
      if (key) installAuditKey(key);
      else process.stderr.write(`No audit key (LEITAI_AUDIT_KEY, or audit.key in ${config.dataDir}): the rows are not checked against the log.\n`);
      let reports: AuditChainReport[] = [];
      await withServerDatabase(config, async ({ db }) => {
        reports = await verifyAuditLog(db, options.contest, { published, states: key ? STATE_SOURCES : undefined });
      });
      if (options.json) print(reports, true);
      else if (reports.length === 0) print('no audit events');
      else for (const report of reports) print(describeChainReport(report));
      if (reports.some((r) => !r.ok)) process.exitCode = 1;
    });

  audit
    .command('head')
    .description("print each chain's head (seq and hash) to publish; `audit verify --heads` checks against it later")
    .option('--contest <id>', "only this contest's chain")
    .option('--json', 'print the heads as JSON, the form `audit verify --heads` reads')
    .action(async (options: { contest?: string; json?: boolean }) => {
      const config = loadConfig();
      await withServerDatabase(config, async ({ db }) => {
        const heads = await auditHeads(db, options.contest);
        if (options.json) print(heads, true);
        else if (heads.length === 0) print('no audit chains');
        else for (const head of heads) print(`${chainName(head.chain)}: seq ${head.seq} ${head.hash} (${head.updatedAt})`);
      });
    });
};
