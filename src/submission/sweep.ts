/**
 * Bounded storage. Two kinds of bytes Leitai does not keep for ever: unfinished uploads, which
 * expire `expiryHours` after they began (bytes and uploads row deleted: nothing was submitted), and
 * refused versions, whose bytes are deleted `refusedRetentionDays` after they were received while
 * their row — facts, problems, SHA-256 — stays as the record of what was refused and why. Accepted
 * versions are never swept. Everything goes through WorksStorage, so the local directory and S3
 * are swept alike. Run at start-up and then periodically by the server, or by `leitai storage sweep`.
 */
import type { Kysely } from 'kysely';
import { appendAuditEvent } from '../audit/service.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db-types.ts';
import { inTransaction } from '../platform/transaction.ts';
import * as queries from './queries.ts';
import { uploadsExpireBefore, type UploadLimits } from './service.ts';
import type { WorksStorage } from './storage.ts';

export interface SweepReport {
  expiredUploads: number;
  purgedFiles: number;
  /** Declared sizes of the expired uploads (what may have been stored) and sizes of the purged files. */
  bytesFreed: number;
  /** What could not be removed this time (the store failed); each stays as it was, for the next sweep. */
  failures: { key: string; error: unknown }[];
}

/** Rows read at a time, so a large backlog is swept without holding it all. */
const BATCH = 100;

type Limits = Pick<UploadLimits, 'expiryHours' | 'refusedRetentionDays'>;

/** Each row of every page in id order; a row that fails is reported and passed over, so one bad row stops nothing. */
async function eachRow<Row extends { id: string }>(
  page: (afterId: string) => Promise<Row[]>,
  sweep: (row: Row) => Promise<void>,
  report: SweepReport,
  key: (row: Row) => string,
) {
  for (let rows = await page(''); rows.length > 0; rows = await page(rows.at(-1)!.id)) {
    for (const row of rows) await sweep(row).catch((error: unknown) => report.failures.push({ key: key(row), error }));
  }
}

export async function sweepStorage(db: Kysely<Database>, storage: WorksStorage, clock: Clock, limits: Limits): Promise<SweepReport> {
  const report: SweepReport = { expiredUploads: 0, purgedFiles: 0, bytesFreed: 0, failures: [] };
  const at = clock.now();
  const expiredBefore = uploadsExpireBefore(limits.expiryHours, at);
  const expireUpload = async (upload: { id: string; declared_size: number }) => {
    // Bytes first: if their removal fails the row stays, and the next sweep tries again.
    await storage.remove(upload.id);
    await queries.deleteUnfinishedUpload(db, upload.id);
    report.expiredUploads += 1;
    report.bytesFreed += Number(upload.declared_size);
  };
  await eachRow(
    (afterId) => queries.expiredUploads(db, expiredBefore, afterId, BATCH),
    expireUpload,
    report,
    (upload) => upload.id,
  );

  const receivedBefore = new Date(at.getTime() - limits.refusedRetentionDays * 86_400_000);
  const purgeFile = async (file: Awaited<ReturnType<typeof queries.refusedFilesToPurge>>[number]) => {
    await storage.remove(file.storage_key);
    await inTransaction(db, async (trx) => {
      await queries.markBytesPurged(trx, file.id, at);
      await appendAuditEvent(trx, {
        contestId: file.contest_id,
        actor: 'system',
        type: 'submission.file_bytes_purged',
        payload: {
          registrationId: file.registration_id,
          fileId: file.id,
          size: Number(file.size),
          sha256: file.sha256,
          retentionDays: limits.refusedRetentionDays,
        },
        at,
      });
    });
    report.purgedFiles += 1;
    report.bytesFreed += Number(file.size);
  };
  await eachRow(
    (afterId) => queries.refusedFilesToPurge(db, receivedBefore, afterId, BATCH),
    purgeFile,
    report,
    (file) => file.storage_key,
  );
  return report;
}

/**
 * Sweeps now and then every `everyMinutes`, one sweep at a time; `stop` waits for a sweep under way.
 * A failed sweep is reported and the next one tries again.
 */
export function startSweeping(
  sweep: () => Promise<SweepReport>,
  everyMinutes: number,
  report: { done(result: SweepReport): void; failed(error: unknown): void },
) {
  let current: Promise<void> | undefined;
  const run = () => {
    // A sweep still under way when the next is due carries on alone.
    current ??= sweep()
      .then(report.done, report.failed)
      .finally(() => (current = undefined));
  };
  run();
  const timer = setInterval(run, everyMinutes * 60_000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await current;
    },
  };
}
