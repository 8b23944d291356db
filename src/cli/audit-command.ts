import type { Command } from 'commander';
import { PLATFORM_AUDIT_CHAIN, verifyAuditLog, type AuditChainReport } from '../audit/service.ts';
import { loadConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/database.ts';
import { print } from './output.ts';

/** One line per chain: `jjj-social-security-card-2025: intact, 42 events` or `…: BROKEN at seq 7 (hash_mismatch)`. */
export const describeChainReport = (report: AuditChainReport) => {
  const chain = report.contestId === PLATFORM_AUDIT_CHAIN ? '(platform)' : report.contestId;
  return report.ok ? `${chain}: intact, ${report.count} ${report.count === 1 ? 'event' : 'events'}` : `${chain}: BROKEN at seq ${report.brokenAt.seq} (${report.reason})`;
};

/**
 * `leitai audit verify`: walks every hash chain of the audit log (or one contest's) in the database
 * `leitai serve` uses (DATABASE_URL, else the embedded one in LEITAI_DATA_DIR). Reads only: it
 * runs no migration and writes nothing. Exits 1 when any chain is broken.
 */
export const addAuditCommands = (program: Command) => {
  const audit = program.command('audit').description('the hash-chained audit log / 审计日志');

  audit
    .command('verify')
    .description('check every hash chain of the audit log; exits 1 when one is broken')
    .option('--contest <id>', 'only this contest\'s chain')
    .option('--json', 'print the report of each chain as JSON')
    .action(async (options: { contest?: string; json?: boolean }) => {
      const config = loadConfig();
      const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
      let reports: AuditChainReport[];
      try {
        reports = await verifyAuditLog(database.db, options.contest);
      } catch (error) {
        // 42P01 undefined_table: a database Leitai never started on.
        if ((error as { code?: string }).code !== '42P01') throw error;
        process.stderr.write(`No audit log in this database (${database.kind === 'pglite' ? `embedded, in ${config.dataDir}` : 'DATABASE_URL'}): start Leitai on it once first.\n`);
        process.exitCode = 1;
        return;
      } finally {
        await database.close();
      }
      if (options.json) print(reports, true);
      else if (reports.length === 0) print('no audit events');
      else for (const report of reports) print(describeChainReport(report));
      if (reports.some((r) => !r.ok)) process.exitCode = 1;
    });
};
