/**
 * What the public sees of an entry's works where a public vote shows it (voting/showcase decides
 * which entries and from when; nothing here checks an account): its accepted current files — never
 * a refused version, a replaced one or one whose bytes were purged — and its fields' values.
 */
import type { Kysely } from 'kysely';
import type { Database, SubmissionFileRow } from '../platform/db-types.ts';
import { notFound } from '../platform/errors.ts';
import * as queries from './queries.ts';
import { loadEntryWorks } from './service.ts';

const shown = (file: SubmissionFileRow) => file.accepted && file.superseded_at === null && file.bytes_purged_at === null;

/** A picture a browser shows as a card's cover (its thumbnail is made from it). */
export const isPicture = (file: SubmissionFileRow) => /^image\/(jpeg|png|webp|gif)$/.test(file.media_type ?? '');

/** Each requirement of the entry's place, in the definition's order, with the files or the value handed in. */
export async function shownWorksOf(db: Kysely<Database>, registrationId: string) {
  const { works } = await loadEntryWorks(db, registrationId);
  const [files, fields] = await Promise.all([queries.currentFilesOf(db, [registrationId]), queries.fieldsOf(db, registrationId)]);
  return [
    ...works.files.map((requirement) => ({
      requirement,
      files: files.filter((file) => file.requirement_id === requirement.id && shown(file)),
      value: null,
    })),
    ...works.fields.map((requirement) => ({ requirement, files: [], value: fields.find((f) => f.field_id === requirement.id)?.value ?? null })),
  ];
}

/** The first picture handed in by each entry of the contest that has one: its cover, by registration id. */
export async function coversOfContest(db: Kysely<Database>, contestId: string): Promise<Map<string, SubmissionFileRow>> {
  const covers = new Map<string, SubmissionFileRow>();
  for (const file of await queries.currentFilesOfContest(db, contestId)) {
    if (!shown(file) || !isPicture(file)) continue;
    const earlier = covers.get(file.registration_id);
    if (!earlier || file.created_at < earlier.created_at) covers.set(file.registration_id, file);
  }
  return covers;
}

/** One file the public may see of an entry: current, accepted and with its bytes; submission.file_not_found otherwise. */
export async function shownFileOf(db: Kysely<Database>, registrationId: string, fileId: string): Promise<SubmissionFileRow> {
  const file = await queries.submissionFileById(db, fileId);
  if (!file || file.registration_id !== registrationId || !shown(file)) throw notFound({ zh: '文件', en: 'File' }, 'submission.file_not_found');
  return file;
}
