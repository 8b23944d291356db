import type { Command } from 'commander';
import { formatError, loadDefinitionFile } from '../contest/load.ts';
import { precheckWorks } from '../submission/precheck.ts';
import { probeFile } from '../submission/probes/index.ts';
import { worksOfDivision, worksOfStage } from '../submission/requirements.ts';
import { divisions } from '../contest/views.ts';
import { useAuditKey } from '../audit/key.ts';
import { systemClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { migrateToLatest, openDatabase } from '../platform/database.ts';
import { worksStorage } from '../server.ts';
import { uploadLimitsOf } from '../submission/service.ts';
import { sweepStorage } from '../submission/sweep.ts';
import { refingerprintFiles } from '../submission/originality/refingerprint.ts';
import { fail, print } from './output.ts';

const collect = (value: string, previous: string[]) => [...previous, value];

interface CheckOptions {
  division: string;
  field: string[];
  complete?: boolean;
  stage?: string;
  json?: boolean;
}

export const addSubmissionCommands = (program: Command) => {
  const submission = program
    .command('submission')
    .alias('submissions')
    .description('works: pre-check files against a contest definition, refresh fingerprints / 作品');

  submission
    .command('check <contest> <files...>')
    .description('check files as an upload would: each FILE, or REQUIREMENT=FILE to say which requirement it is for')
    .requiredOption('--division <id>', 'the division whose works the files are (e.g. works/video, app-dev/campus)')
    .option('--field <id=value>', 'a text or link field of the works (repeatable)', collect, [])
    .option('--complete', 'also report missing files and fields')
    .option('--stage <phase>', 'only the requirements handed in during this stage (where works differ by stage, e.g. 003 online-stage)')
    .option('--json', 'print { ok, errors, files } as JSON')
    .action(async (contestFile: string, paths: string[], options: CheckOptions) => {
      const loaded = await loadDefinitionFile(contestFile);
      if (!loaded.ok) return fail(loaded.errors.map(formatError));
      const division = worksOfDivision(loaded.definition, options.division);
      if (!division)
        return fail([
          `--division: no division ${options.division}; divisions are ${divisions(loaded.definition)
            .map((d) => d.id)
            .join(', ')}`,
        ]);
      const stages = loaded.definition.phases.map((p) => p.id).filter((id) => [...division.files, ...division.fields].some((r) => r.phase === id));
      if (options.stage !== undefined && !stages.includes(options.stage))
        return fail([`--stage: ${options.division} hands in nothing in a stage ${options.stage}; its stages are ${stages.join(', ') || 'none'}`]);
      const works = options.stage === undefined ? division : worksOfStage(division, options.stage);
      const files = await Promise.all(
        paths.map(async (arg) => {
          const [requirementId, path] =
            arg.includes('=') && !arg.startsWith('/') && !arg.startsWith('.')
              ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
              : [undefined, arg];
          return { path, requirementId, probed: await probeFile(path) };
        }),
      );
      const fields = Object.fromEntries(options.field.map((f) => [f.slice(0, f.indexOf('=')), f.slice(f.indexOf('=') + 1)]));
      const result = precheckWorks(works, files, fields, Boolean(options.complete));
      const output = {
        ok: result.ok,
        errors: result.errors.map((e) => ({
          code: e.code,
          message: e.message.zh,
          messageEn: e.message.en,
          severity: e.severity,
          ...('file' in e ? { file: e.file } : {}),
        })),
        files: result.files,
      };
      if (options.json) print(output, true);
      else
        print(
          result.ok
            ? `✓ ${paths.length} file(s) meet ${options.division}`
            : output.errors.map((e) => `${e.severity === 'error' ? '✗' : '!'} ${'file' in e ? `${e.file}: ` : ''}${e.code}: ${e.message}`).join('\n'),
        );
      if (!result.ok) process.exitCode = 1;
    });

  submission
    .command('refingerprint')
    .description('recompute, from the stored bytes, the fingerprints an earlier algorithm made, so those works are compared again by the originality report')
    .option('--contest <id>', 'only the files of this contest')
    .option('--batch <n>', 'files read and written per transaction', (value) => positiveInteger('--batch', value), 50)
    .option('--json', 'print { total, done, refingerprinted, dropped, failures } as JSON')
    .action(async (options: { contest?: string; batch: number; json?: boolean }) => {
      const config = loadConfig();
      // Each batch appends to the audit log, under the same key as the server's.
      useAuditKey(config);
      const database = await openDatabase({ url: config.databaseUrl, poolSize: config.databasePoolSize, dataDir: config.dataDir });
      try {
        await migrateToLatest(database.db);
        const report = await refingerprintFiles(database.db, worksStorage(config), systemClock, {
          contestId: options.contest,
          batchSize: options.batch,
          // Progress to stderr, so that --json output stays one document.
          onProgress: ({ done, total }) => process.stderr.write(`${done}/${total}\n`),
        });
        if (options.json) print(report, true);
        else
          print(
            `files with an old fingerprint: ${report.total}\nre-fingerprinted: ${report.refingerprinted}\nnot fingerprintable now (no longer compared): ${report.dropped}${report.failures.map((f) => `\n✗ ${f.fileId}: ${f.error}`).join('')}`,
          );
        if (report.failures.length > 0) process.exitCode = 1;
      } finally {
        await database.close();
      }
    });
};

const positiveInteger = (option: string, value: string) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fail([`${option}: expected a positive whole number, got ${value}`]);
};

/**
 * `leitai storage sweep`: what the server does at start-up and every hour, on demand, against the
 * database and store `leitai serve` uses (DATABASE_URL or LEITAI_DATA_DIR, LEITAI_S3_*), with the
 * same LEITAI_UPLOAD_EXPIRY_HOURS and LEITAI_REFUSED_FILE_RETENTION_DAYS. Exits 1 when something
 * could not be removed (it is left as it was, for the next sweep).
 */
export const addStorageCommands = (program: Command) => {
  const storage = program.command('storage').description('uploaded files: bounded storage / 文件存储');

  storage
    .command('sweep')
    .description('delete expired unfinished uploads and the bytes of refused files past their retention (their records stay)')
    .option('--json', 'print { expiredUploads, purgedFiles, bytesFreed, failures } as JSON')
    .action(async (options: { json?: boolean }) => {
      const config = loadConfig();
      // A purge appends to the audit log, under the same key as the server's.
      useAuditKey(config);
      const database = await openDatabase({ url: config.databaseUrl, poolSize: config.databasePoolSize, dataDir: config.dataDir });
      try {
        await migrateToLatest(database.db);
        const report = await sweepStorage(database.db, worksStorage(config), systemClock, uploadLimitsOf(config));
        const failures = report.failures.map(({ key, error }) => ({ key, error: String(error) }));
        if (options.json) print({ ...report, failures }, true);
        else
          print(
            `expired uploads removed: ${report.expiredUploads}\nrefused files' bytes deleted: ${report.purgedFiles}\nbytes freed: ${report.bytesFreed}${failures.map((f) => `\n✗ ${f.key}: ${f.error}`).join('')}`,
          );
        if (failures.length > 0) process.exitCode = 1;
      } finally {
        await database.close();
      }
    });
};
