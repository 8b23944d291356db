import type { Kysely } from 'kysely';
import { getContest } from '../contest/service.ts';
import { isOrganiserOf, requireAccount } from '../platform/auth/policy.ts';
import type { Account } from '../platform/auth/service.ts';
import type { Database } from '../platform/db-types.ts';
import { forbidden } from '../platform/errors.ts';
import { registrationsOfContest } from '../registration/service.ts';
import { comparableFingerprint, currentAlgorithms, fingerprintImage, fingerprintText, textFingerprint, type Fingerprint } from './originality/fingerprint.ts';
import { compareInWorker, comparisonProgress } from './originality/compare-pool.ts';
import { countOutdatedFingerprints } from './originality/queries.ts';
import type { FingerprintedWork, WorkRef } from './originality/rules.ts';
import { pdfTextSketch } from './pdf-text.ts';
import type { FileFacts } from './probes/types.ts';
import * as queries from './queries.ts';
import type { WorksStorage } from './storage.ts';
import { worksOfPlace } from '../contest/scope.ts';

/** The largest file read whole to fingerprint it (sharp decodes an image, pdfjs a PDF's text in the parser worker, from memory); larger ones are not compared. */
export const FINGERPRINT_MAX_BYTES = 128 * 1024 * 1024;

/** The fingerprint kept with an accepted file: images by their look, PDFs by their text. Null when neither applies. */
export async function fingerprintFile(facts: FileFacts, storage: Pick<WorksStorage, 'readAll'>, key: string): Promise<Fingerprint | null> {
  try {
    if (facts.kind === 'image') return await fingerprintImage(await storage.readAll(key, FINGERPRINT_MAX_BYTES));
    if (facts.kind === 'pdf' && facts.textExtractable) return textFingerprint(await pdfTextSketch(await storage.readAll(key, FINGERPRINT_MAX_BYTES)));
  } catch {
    // A file the probes accepted but a decoder chokes on (or too large to read whole) is still a submission; it is just not compared.
  }
  return null;
}

/**
 * Near-duplicate works across the entries of a contest, for the organiser to look at side by side:
 * images and PDFs by the fingerprints stored with them, text fields fingerprinted here (they are short).
 * Files whose fingerprint an earlier algorithm made are not compared; the report says how many, and
 * which command recomputes them. The comparison runs in a worker thread (compare-pool.ts): it can take
 * seconds, and the server answers everyone else meanwhile; `originalityProgress` says how far it is.
 */
export async function originalityReport(db: Kysely<Database>, contestId: string, account: Account | null) {
  requireAccount(account);
  if (!isOrganiserOf(account, contestId)) throw forbidden('submission.originality_forbidden');
  const { definition } = await getContest(db, contestId);
  const entries = await registrationsOfContest(db, contestId, { status: 'active' });
  const byId = new Map(entries.map((e) => [e.id, e]));
  const files = (await queries.currentFilesOfContest(db, contestId)).flatMap((f) => {
    const fingerprint = comparableFingerprint(f.fingerprint);
    return fingerprint && byId.has(f.registration_id) ? [{ ...f, fingerprint }] : [];
  });
  const fields = await queries.fieldsOfContest(db, contestId);

  const works: FingerprintedWork[] = [
    ...files.map((f) => ({
      registrationId: f.registration_id,
      ref: byId.get(f.registration_id)!.ref,
      fileId: `file:${f.id}`,
      fingerprint: f.fingerprint,
    })),
    ...fields
      .filter((f) => byId.has(f.registration_id))
      .map((f) => ({
        registrationId: f.registration_id,
        ref: byId.get(f.registration_id)!.ref,
        fileId: `field:${f.registration_id}:${f.field_id}`,
        fingerprint: fingerprintText(f.value),
      })),
  ];
  const describe = (work: WorkRef) => {
    const entry = byId.get(work.registrationId)!;
    const base = { registrationId: entry.id, ref: entry.ref, title: entry.title };
    const works = worksOfPlace(definition, { trackId: entry.track_id, groupId: entry.group_id, categoryId: entry.category_id });
    if (work.fileId.startsWith('file:')) {
      const file = files.find((f) => `file:${f.id}` === work.fileId)!;
      const requirement = works?.files.find((r) => r.id === file.requirement_id);
      return { ...base, fileId: file.id, fieldId: null, what: requirement?.name ?? file.requirement_id, fileName: file.file_name, text: null };
    }
    const [, , fieldId] = work.fileId.split(':');
    const field = fields.find((f) => f.registration_id === entry.id && f.field_id === fieldId)!;
    const requirement = works?.fields.find((r) => r.id === fieldId);
    return { ...base, fileId: null, fieldId, what: requirement?.name ?? fieldId, fileName: null, text: field.value.slice(0, 500) };
  };
  const { pairs: found } = await compareInWorker(works, contestId);
  const pairs = found.map((pair) => ({
    kind: pair.kind,
    similarity: Math.round(pair.similarity * 1000) / 1000,
    a: describe(pair.a),
    b: describe(pair.b),
  }));
  return { pairs, outdatedFingerprints: outdatedNotice(await countOutdatedFingerprints(db, currentAlgorithms, contestId), contestId) };
}

/** How far the contest's originality report is while it is computed (queued, or candidate pairs checked); null when none is. */
export function originalityProgress(contestId: string, account: Account | null) {
  requireAccount(account);
  if (!isOrganiserOf(account, contestId)) throw forbidden('submission.originality_forbidden');
  return { progress: comparisonProgress(contestId) };
}

/** What the organiser reads when some files were not compared: how many, and the command that brings them back. */
function outdatedNotice(files: number, contestId: string) {
  if (files === 0) return null;
  const command = `leitai submission refingerprint --contest ${contestId}`;
  return {
    files,
    command,
    message: {
      zh: `${files} 个文件的指纹为旧版本，未参与比对，请运行 ${command}`,
      en: `${files} file(s) have a fingerprint of an earlier version and were not compared; run ${command}`,
    },
  };
}
