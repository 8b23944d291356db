import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db-types.ts';

type Db = Kysely<Database>;

/**
 * The files whose stored fingerprint an earlier algorithm made: the current accepted versions (the ones
 * the originality report compares) with a fingerprint whose `algorithm` is none of `current`.
 */
const outdated = (db: Db, current: readonly string[], contestId: string | undefined) => {
  let query = db
    .selectFrom('submission_files')
    .where('superseded_at', 'is', null)
    .where('accepted', '=', true)
    .where('fingerprint', 'is not', null)
    .where(sql<boolean>`coalesce(fingerprint->>'algorithm', '') not in (${sql.join(current)})`);
  if (contestId !== undefined) query = query.where('contest_id', '=', contestId);
  return query;
};

export const countOutdatedFingerprints = async (db: Db, current: readonly string[], contestId?: string) =>
  Number(
    (
      await outdated(db, current, contestId)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A page of those files in id order after `afterId`. */
export const filesWithOutdatedFingerprints = (db: Db, current: readonly string[], contestId: string | undefined, afterId: string, limit: number) =>
  outdated(db, current, contestId)
    .select(['id', 'contest_id', 'registration_id', 'storage_key', 'facts', sql<string | null>`fingerprint->>'algorithm'`.as('algorithm')])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();

/**
 * Replaces a file's fingerprint, only while it is still the one read (made by `algorithm`): a run in
 * parallel, or a newer upload's fingerprint, is never overwritten. Says whether it was replaced.
 */
export const replaceFingerprint = async (db: Db, id: string, algorithm: string | null, fingerprint: string | null) =>
  Number(
    (
      await db
        .updateTable('submission_files')
        .set({ fingerprint })
        .where('id', '=', id)
        .where(sql<boolean>`fingerprint->>'algorithm' is not distinct from ${algorithm}`)
        .executeTakeFirst()
    ).numUpdatedRows,
  ) === 1;
