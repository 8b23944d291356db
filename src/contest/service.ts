import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { stringify } from 'yaml';
import { appendAuditEvent } from '../audit/service.ts';
import type { Clock } from '../platform/clock.ts';
import type { ContestRow, Database } from '../platform/db-types.ts';
import { inTransaction } from '../platform/transaction.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { copyEdition } from './copy.ts';
import { formatError, loadDefinitionFile } from './load.ts';
import { allContests, contestById, insertContest, replaceContestDefinition } from './queries.ts';
import { contestDefinitionSchema, type ContestDefinition } from './schema/index.ts';

export interface StoredContest {
  definition: ContestDefinition;
  editionOf: string | null;
  isDemo: boolean;
  row: ContestRow;
}

const toStored = (row: ContestRow): StoredContest => ({
  // Stored definitions were validated on the way in; parsing again fills defaults added since.
  definition: contestDefinitionSchema.parse(row.definition),
  editionOf: row.edition_of,
  isDemo: row.is_demo,
  row,
});

export const findContest = async (db: Kysely<Database>, id: string) => {
  const row = await contestById(db, id);
  return row ? toStored(row) : undefined;
};

export const getContest = async (db: Kysely<Database>, id: string) => {
  const contest = await findContest(db, id);
  if (!contest) throw notFound({ zh: `赛事 ${id}`, en: `Contest ${id}` }, 'contest.not_found');
  return contest;
};

interface PublishInput {
  definition: ContestDefinition;
  sourceYaml: string;
  sourceFile?: string;
  editionOf?: string;
  isDemo?: boolean;
}

/**
 * Publishes a definition: the one owner of the contests table. Effects: inserts the contest, or
 * replaces its definition when the source changed; appends `contest.published` or
 * `contest.updated` to the contest's audit chain in the same transaction. Returns whether anything changed.
 */
export async function publishContest(db: Kysely<Database>, input: PublishInput, actor: string, clock: Clock): Promise<'created' | 'updated' | 'unchanged'> {
  return inTransaction(db, async (trx) => {
    const existing = await contestById(trx, input.definition.id);
    const at = clock.now();
    if (existing?.source_yaml === input.sourceYaml) return 'unchanged';
    const definition = JSON.stringify(input.definition);
    if (existing) {
      await replaceContestDefinition(trx, input.definition.id, { name: input.definition.name, definition, source_yaml: input.sourceYaml, updated_at: at });
    } else {
      await insertContest(trx, {
        id: input.definition.id,
        name: input.definition.name,
        definition,
        source_yaml: input.sourceYaml,
        source_file: input.sourceFile ?? null,
        edition_of: input.editionOf ?? null,
        is_demo: input.isDemo ?? false,
        created_at: at,
        updated_at: at,
      });
    }
    const type = existing ? 'contest.updated' : 'contest.published';
    await appendAuditEvent(trx, { contestId: input.definition.id, actor, type, payload: { sourceFile: input.sourceFile ?? null, editionOf: input.editionOf ?? null, definition: input.definition }, at });
    return existing ? 'updated' : 'created';
  });
}

/** Loads every definition in a folder (the seeds in `contests/`); a broken file stops the start with its errors. */
export async function publishContestFolder(db: Kysely<Database>, folder: string, actor: string, clock: Clock) {
  const files = (await readdir(folder)).filter((file) => /\.ya?ml$/.test(file)).sort();
  const published: { file: string; id: string; outcome: string }[] = [];
  for (const file of files) {
    const loaded = await loadDefinitionFile(join(folder, file));
    if (!loaded.ok) throw new Error(loaded.errors.map(formatError).join('\n'));
    const outcome = await publishContest(db, { definition: loaded.definition, sourceYaml: loaded.source, sourceFile: `contests/${file}` }, actor, clock);
    published.push({ file, id: loaded.definition.id, outcome });
  }
  return published;
}

/**
 * The next edition of a contest, every date shifted so registration opens on the given day
 * (see copy.ts). Effects: one new contest with edition_of set, its `contest.published` event.
 */
export async function copyContestEdition(db: Kysely<Database>, contestId: string, registrationOpens: string, actor: string, clock: Clock, options: { isDemo?: boolean } = {}) {
  // A day that does not exist (2026-02-30) or lies ages away would store phases no page can show.
  const day = DateTime.fromISO(registrationOpens, { zone: 'UTC' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(registrationOpens) || !day.isValid || day.year < 2000 || day.year > 2099) {
    throw new AppError('contest.invalid_day', { zh: `报名开始日期 ${registrationOpens} 不是 2000–2099 年间的有效日期`, en: `The registration opening day ${registrationOpens} is not a real day between 2000 and 2099` }, 400);
  }
  const original = await getContest(db, contestId);
  const definition = copyEdition(original.definition, registrationOpens);
  if (await contestById(db, definition.id)) {
    throw new AppError('contest.edition_exists', { zh: `赛事 ${definition.id} 已存在`, en: `The contest ${definition.id} already exists` }, 409);
  }
  await publishContest(db, { definition, sourceYaml: stringify(definition, { lineWidth: 0 }), editionOf: contestId, isDemo: options.isDemo }, actor, clock);
  return definition;
}

export const findContests = async (db: Kysely<Database>) => (await allContests(db)).map(toStored);
