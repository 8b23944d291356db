/**
 * Fingerprints made by an earlier algorithm are never compared with today's (fingerprint.ts), so after
 * an upgrade the works uploaded before it would drop out of the originality report. This recomputes
 * them from the stored bytes (read through WorksStorage, local or S3), a batch at a time, for one contest
 * or all: `leitai submission refingerprint`. Idempotent: a file already current is not selected, and a
 * fingerprint is replaced only while it is still the old one read.
 */
import type { Kysely } from 'kysely';
import { appendAuditEvent } from '../../audit/service.ts';
import { getContest } from '../../contest/service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db-types.ts';
import { inTransaction } from '../../platform/transaction.ts';
import { FINGERPRINT_MAX_BYTES, fingerprintFile } from '../originality.ts';
import type { WorksStorage } from '../storage.ts';
import { currentAlgorithms, imageAlgorithm, textAlgorithm } from './fingerprint.ts';
import * as queries from './queries.ts';

export interface RefingerprintProgress {
  /** Files handled so far (re-fingerprinted, found unreadable by today's decoders, or failed). */
  done: number;
  total: number;
}

export interface RefingerprintReport extends RefingerprintProgress {
  refingerprinted: number;
  /** Files today's decoders could not fingerprint: their old fingerprint is dropped, and they are not compared (as on upload). */
  dropped: number;
  /** Files whose bytes could not be read this time (the store failed): left as they were, for the next run. */
  failures: { fileId: string; error: string }[];
}

export interface RefingerprintOptions {
  contestId?: string;
  /** Files read and written per transaction. */
  batchSize?: number;
  onProgress?: (progress: RefingerprintProgress) => void;
}

/**
 * Recomputes the outdated fingerprints. Effects, per batch and in one transaction: the new fingerprints,
 * and for each contest touched a `submission.fingerprints_recomputed` event listing the files.
 */
export async function refingerprintFiles(
  db: Kysely<Database>,
  storage: Pick<WorksStorage, 'readAll'>,
  clock: Clock,
  { contestId, batchSize = 50, onProgress }: RefingerprintOptions = {},
): Promise<RefingerprintReport> {
  if (contestId !== undefined) await getContest(db, contestId);
  const total = await queries.countOutdatedFingerprints(db, currentAlgorithms, contestId);
  const report: RefingerprintReport = { done: 0, total, refingerprinted: 0, dropped: 0, failures: [] };
  let afterId = '';
  for (;;) {
    const page = await queries.filesWithOutdatedFingerprints(db, currentAlgorithms, contestId, afterId, batchSize);
    if (page.length === 0) break;
    afterId = page.at(-1)!.id;
    const computed: { file: (typeof page)[number]; fingerprint: string | null }[] = [];
    for (const file of page) {
      let bytes: Buffer;
      try {
        bytes = await storage.readAll(file.storage_key, FINGERPRINT_MAX_BYTES);
      } catch (error) {
        report.failures.push({ fileId: file.id, error: String(error) });
        continue;
      }
      // Read above, not by fingerprintFile, which takes an unreadable store for an undecodable file.
      const fingerprint = file.facts && (await fingerprintFile(file.facts, { readAll: async () => bytes }, file.storage_key));
      computed.push({ file, fingerprint: fingerprint && JSON.stringify(fingerprint) });
    }
    await inTransaction(db, async (trx) => {
      const byContest = new Map<string, { fileId: string; registrationId: string; from: string | null; dropped: boolean }[]>();
      for (const { file, fingerprint } of computed) {
        if (!(await queries.replaceFingerprint(trx, file.id, file.algorithm, fingerprint))) continue;
        const files = byContest.get(file.contest_id) ?? [];
        files.push({ fileId: file.id, registrationId: file.registration_id, from: file.algorithm, dropped: fingerprint === null });
        byContest.set(file.contest_id, files);
      }
      for (const [contest, files] of byContest) {
        await appendAuditEvent(trx, {
          contestId: contest,
          actor: 'system',
          type: 'submission.fingerprints_recomputed',
          payload: { algorithms: { image: imageAlgorithm, text: textAlgorithm }, files },
          at: clock.now(),
        });
        report.refingerprinted += files.filter((f) => !f.dropped).length;
        report.dropped += files.filter((f) => f.dropped).length;
      }
    });
    report.done += page.length;
    onProgress?.({ done: report.done, total });
  }
  return report;
}
