/**
 * What the audit log vouches for of an entry's works: each event that writes a file version or a
 * field (received, removed, field set) records the keyed digest of every version and field the
 * change left behind (see src/audit/rows.ts); a refused file's bytes purged change no digested
 * column, so that event records none. `audit verify` digests the current rows the same way.
 * Versions are kept, never deleted, so every version is checked, superseded ones included. Keyed
 * like every digest in the log: file names and field values may name people.
 */
import type { Kysely } from 'kysely';
import { keyedDigest } from '../audit/key.ts';
import type { StateSource } from '../audit/service.ts';
import type { Database, SubmissionFieldRow, SubmissionFileRow } from '../platform/db-types.ts';
import * as queries from './queries.ts';

const fileSubject = (id: string) => `submission_file:${id}`;
const fieldSubject = (registrationId: string, fieldId: string) => `submission_field:${registrationId}/${fieldId}`;

/** The file as received and its standing; not probe details, which a later probe version may word differently. */
const fileDigest = (row: SubmissionFileRow) =>
  keyedDigest('submission.file', {
    registrationId: row.registration_id,
    requirementId: row.requirement_id,
    fileName: row.file_name,
    size: Number(row.size),
    sha256: row.sha256,
    accepted: row.accepted,
    supersededAt: row.superseded_at?.toISOString() ?? null,
  });

const fieldDigest = (row: Pick<SubmissionFieldRow, 'registration_id' | 'field_id' | 'value'>) =>
  keyedDigest('submission.field', { registrationId: row.registration_id, fieldId: row.field_id, value: row.value });

/** The `state` of an event that wrote these file versions: read inside the transaction, after the change. */
export async function filesState(db: Kysely<Database>, ids: string[]): Promise<Record<string, string | null>> {
  const rows = new Map((await queries.filesByIds(db, ids)).map((row) => [row.id, row]));
  return Object.fromEntries(ids.map((id) => [fileSubject(id), rows.has(id) ? fileDigest(rows.get(id)!) : null]));
}

export async function fieldState(db: Kysely<Database>, registrationId: string, fieldId: string): Promise<Record<string, string | null>> {
  const row = await queries.fieldOf(db, registrationId, fieldId);
  return { [fieldSubject(registrationId, fieldId)]: row ? fieldDigest(row) : null };
}

const PAGE = 500;

export const worksStates: StateSource = {
  kinds: ['submission_file', 'submission_field'],
  chains: (db) => queries.contestsWithWorks(db),
  async *rows(db, contestId) {
    let afterId = '';
    for (;;) {
      const page = await queries.filesPageOfContest(db, contestId, afterId, PAGE);
      for (const row of page) yield { subject: fileSubject(row.id), label: `file ${row.file_name}`, digest: fileDigest(row) };
      if (page.length < PAGE) break;
      afterId = page[page.length - 1].id;
    }
    for (const row of await queries.fieldsOfContest(db, contestId)) {
      yield { subject: fieldSubject(row.registration_id, row.field_id), label: `field ${row.field_id}`, digest: fieldDigest(row) };
    }
  },
};
