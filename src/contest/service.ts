import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { stringify } from 'yaml';
import { appendAuditEvent } from '../audit/service.ts';
import { revokeRolesOnContest } from '../platform/auth/service.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db-types.ts';
import { inTransaction } from '../platform/transaction.ts';
import { AppError, notFound, type LocalisedText } from '../platform/errors.ts';
import { countRegistrationsOfContest } from '../registration/service.ts';
import { proposeEdition, settleCarriedOver, type EditionOverrides, type EditionProposal } from './copy.ts';
import { formatError, loadDefinitionFile } from './load.ts';
import {
  allContests,
  contestById,
  contestExists,
  contestVersion,
  deleteContest,
  editionFamily,
  editionsCopiedFrom,
  insertContest,
  insertContestVersion,
  lockContest,
  setCurrentVersion,
  type CurrentContestRow,
} from './queries.ts';
import type { ContestDefinition } from './schema/index.ts';
import { localDateAt } from './time.ts';
import { cachedDefinition, definitionSha256, parsedDefinition } from './versions/cache.ts';
import { DEFINITION_FORMAT_VERSION } from './versions/format.ts';

export interface StoredContest {
  /** The definition in force, parsed once per version (versions/cache.ts) and shared: never mutate it. */
  definition: ContestDefinition;
  /** Its version number: what a decision made under these rules records. */
  version: number;
  sha256: string;
  editionOf: string | null;
  isDemo: boolean;
  row: CurrentContestRow;
}

/** The definition in force: from the parse cache, else read from its version row and parsed once. */
const definitionOf = async (db: Kysely<Database>, row: CurrentContestRow) =>
  cachedDefinition(row) ?? parsedDefinition((await contestVersion(db, row.id, row.current_version))!);

const toStored = async (db: Kysely<Database>, row: CurrentContestRow): Promise<StoredContest> => ({
  definition: await definitionOf(db, row),
  version: row.current_version,
  sha256: row.sha256,
  editionOf: row.edition_of,
  isDemo: row.is_demo,
  row,
});

export const findContest = async (db: Kysely<Database>, id: string) => {
  const row = await contestById(db, id);
  return row ? toStored(db, row) : undefined;
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

export interface Published {
  outcome: 'created' | 'updated' | 'unchanged';
  version: number;
  sha256: string;
}

/**
 * Publishes a definition: the one owner of contests and their versions. A definition whose SHA-256
 * equals the version in force changes nothing (a YAML whose comments alone changed is the same rules);
 * otherwise it is appended as the next version and made current, never written over an old one.
 * A carried-over summary or announcement the new version replaces loses its mark (copy.ts).
 * Effects, in one transaction: the contest row (inserted, or its current version moved), one
 * contest_versions row, and `contest.published` or `contest.updated` (with version and sha256) on the
 * contest's audit chain.
 */
export async function publishContest(db: Kysely<Database>, input: PublishInput, actor: string, clock: Clock): Promise<Published> {
  return inTransaction(db, async (trx) => {
    const id = input.definition.id;
    await lockContest(trx, id);
    const existing = await contestById(trx, id);
    const definition = settleCarriedOver(existing && (await definitionOf(trx, existing)), input.definition);
    const stored = JSON.parse(JSON.stringify(definition)) as unknown;
    const sha256 = definitionSha256(stored);
    if (existing?.sha256 === sha256) return { outcome: 'unchanged', version: existing.current_version, sha256 };
    const at = clock.now();
    const version = (existing?.current_version ?? 0) + 1;
    if (existing) {
      await setCurrentVersion(trx, id, { name: definition.name, current_version: version, updated_at: at });
    } else {
      await insertContest(trx, {
        id,
        name: definition.name,
        current_version: version,
        source_file: input.sourceFile ?? null,
        edition_of: input.editionOf ?? null,
        is_demo: input.isDemo ?? false,
        created_at: at,
        updated_at: at,
      });
    }
    await insertContestVersion(trx, {
      contest_id: id,
      version,
      sha256,
      definition: JSON.stringify(stored),
      source_yaml: input.sourceYaml,
      format_version: DEFINITION_FORMAT_VERSION,
      published_at: at,
      published_by: actor,
    });
    const type = existing ? 'contest.updated' : 'contest.published';
    const payload = {
      version,
      sha256,
      formatVersion: DEFINITION_FORMAT_VERSION,
      sourceFile: input.sourceFile ?? null,
      editionOf: input.editionOf ?? null,
      definition,
    };
    await appendAuditEvent(trx, { contestId: id, actor, type, payload, at });
    return { outcome: existing ? 'updated' : 'created', version, sha256 };
  });
}

/** Loads every definition in a folder (the seeds in `contests/`); a broken file stops the start with its errors. */
export async function publishContestFolder(db: Kysely<Database>, folder: string, actor: string, clock: Clock) {
  const files = (await readdir(folder)).filter((file) => /\.ya?ml$/.test(file)).sort();
  const published: { file: string; id: string; outcome: string; version: number }[] = [];
  for (const file of files) {
    const loaded = await loadDefinitionFile(join(folder, file));
    if (!loaded.ok) throw new Error(loaded.errors.map(formatError).join('\n'));
    const { outcome, version } = await publishContest(
      db,
      { definition: loaded.definition, sourceYaml: loaded.source, sourceFile: `contests/${file}` },
      actor,
      clock,
    );
    published.push({ file, id: loaded.definition.id, outcome, version });
  }
  return published;
}

/** How a new edition is made: the organiser's names over the proposed ones; the demo's may open in the past. */
export interface EditionOptions extends EditionOverrides {
  mayOpenInPast?: boolean;
}

const checkOpeningDay = (registrationOpens: string) => {
  // A day that does not exist (2026-02-30) or lies ages away would store phases no page can show.
  const day = DateTime.fromISO(registrationOpens, { zone: 'UTC' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(registrationOpens) || !day.isValid || day.year < 2000 || day.year > 2099) {
    throw new AppError(
      'contest.invalid_day',
      {
        zh: `报名开始日期 ${registrationOpens} 不是 2000–2099 年间的有效日期`,
        en: `The registration opening day ${registrationOpens} is not a real day between 2000 and 2099`,
      },
      400,
    );
  }
};

/**
 * The edition a copy would make (copy.ts), refused as the copy would refuse it: a day that is not
 * one, a day before today in the contest's time zone (a registration that opened in the past would
 * have taken no one's entries), an edition that exists. Changes nothing.
 */
export async function proposeContestEdition(
  db: Kysely<Database>,
  contestId: string,
  registrationOpens: string,
  clock: Clock,
  { mayOpenInPast, ...overrides }: EditionOptions = {},
): Promise<EditionProposal> {
  checkOpeningDay(registrationOpens);
  const original = await getContest(db, contestId);
  const today = localDateAt(clock.now(), original.definition.timeZone);
  if (!mayOpenInPast && registrationOpens < today) {
    throw new AppError(
      'contest.copy_in_past',
      {
        zh: `报名开始日期 ${registrationOpens} 已经过去（今天是 ${today}，${original.definition.timeZone}）`,
        en: `The registration opening day ${registrationOpens} has passed (today is ${today} in ${original.definition.timeZone})`,
      },
      400,
    );
  }
  const proposal = proposeEdition(original.definition, registrationOpens, overrides);
  if (await contestExists(db, proposal.definition.id)) {
    const { id } = proposal.definition;
    throw new AppError('contest.edition_exists', { zh: `赛事 ${id} 已存在`, en: `The contest ${id} already exists` }, 409);
  }
  return proposal;
}

/**
 * The next edition of a contest, every date shifted so registration opens on the given day. The
 * demo may open one in the past, so that today falls inside its registration. Effects: one new
 * contest with edition_of set, its `contest.published` event.
 */
export async function copyContestEdition(
  db: Kysely<Database>,
  contestId: string,
  registrationOpens: string,
  actor: string,
  clock: Clock,
  { isDemo, ...options }: EditionOptions & { isDemo?: boolean } = {},
) {
  return inTransaction(db, async (trx) => {
    const { definition } = await proposeContestEdition(trx, contestId, registrationOpens, clock, options);
    const sourceYaml = stringify(definition, { lineWidth: 0 });
    await publishContest(trx, { definition, sourceYaml, editionOf: contestId, isDemo }, actor, clock);
    return definition;
  });
}

const conflict = (code: string, message: LocalisedText) => new AppError(code, message, 409);

/** What only an edition copied in Leitai allows (deleting it, writing its texts here), asked of a seed. */
const notAnEdition = (contestId: string, why: LocalisedText) =>
  conflict('contest.not_an_edition', {
    zh: `赛事 ${contestId} 不是在擂台中复制的新一届，${why.zh}`,
    en: `The contest ${contestId} is not an edition copied in Leitai and ${why.en}`,
  });

/** This edition's own summary and announcement, written over those carried from the previous one. */
export interface EditionTexts {
  summary?: string;
  announcement?: ContestDefinition['announcement'];
}

/**
 * Publishes the organiser's summary and announcement for this edition as a new version. A text sent
 * is theirs now, changed or not, so it loses its carried-over mark (copy.ts); one left out keeps its
 * text and mark. Effects: those of publishContest (a new version and `contest.updated`), or none
 * when nothing changes.
 */
export async function replaceEditionTexts(db: Kysely<Database>, contestId: string, texts: EditionTexts, actor: string, clock: Clock) {
  return inTransaction(db, async (trx) => {
    await lockContest(trx, contestId);
    const { definition: current, editionOf } = await getContest(trx, contestId);
    // A seed's texts are its YAML file's, which the next start publishes again over any written here.
    if (!editionOf) throw notAnEdition(contestId, { zh: '其简介与公告以定义文件为准', en: 'its texts are those of its definition file' });
    const sent = (['summary', 'announcement'] as const).filter((field) => texts[field] !== undefined);
    const carriedOver = current.carriedOver?.filter((field) => !sent.includes(field));
    const { carriedOver: _previous, ...rest } = { ...current, ...Object.fromEntries(sent.map((field) => [field, texts[field]])) };
    const definition: ContestDefinition = { ...rest, ...(carriedOver && carriedOver.length > 0 && { carriedOver }) };
    return publishContest(trx, { definition, sourceYaml: stringify(definition, { lineWidth: 0 }) }, actor, clock);
  });
}

/**
 * Deletes an edition made in Leitai that no one has entered: an organiser's mistaken copy. A
 * published seed, an edition with registrations or one that later editions were copied from stays.
 * Effects, in one transaction: the roles given on it (each `role.revoked` on the platform chain),
 * its versions, schedule changes and reference counter, the contest row, and `contest.deleted` on its own chain, which keeps its `contest.published` and so tells the
 * whole story of the id (a later copy of the same id continues the chain).
 */
export async function deleteContestEdition(db: Kysely<Database>, contestId: string, actor: string, clock: Clock) {
  await inTransaction(db, async (trx) => {
    await lockContest(trx, contestId);
    const contest = await getContest(trx, contestId);
    if (!contest.editionOf) throw notAnEdition(contestId, { zh: '不能删除', en: 'cannot be deleted' });
    const registrations = await countRegistrationsOfContest(trx, contestId);
    if (registrations > 0) {
      throw conflict('contest.has_registrations', {
        zh: `赛事 ${contestId} 已有 ${registrations} 个报名，不能删除`,
        en: `The contest ${contestId} has ${registrations} registrations and cannot be deleted`,
      });
    }
    if ((await editionsCopiedFrom(trx, contestId)).length > 0) {
      throw conflict('contest.has_editions', {
        zh: `赛事 ${contestId} 已被复制为新一届，请先删除新一届`,
        en: `A newer edition was copied from ${contestId}; delete that one first`,
      });
    }
    await revokeRolesOnContest(trx, contestId, { actor, clock });
    await deleteContest(trx, contestId);
    const payload = { editionOf: contest.editionOf, version: contest.version, sha256: contest.sha256 };
    await appendAuditEvent(trx, { contestId, actor, type: 'contest.deleted', payload, at: clock.now() });
  });
}

export const findContests = async (db: Kysely<Database>) => {
  const stored: StoredContest[] = [];
  for (const row of await allContests(db)) stored.push(await toStored(db, row));
  return stored;
};

/** Another edition as a page names and links it: by its name, never by its id alone. */
export interface EditionLink {
  id: string;
  name: string;
  nameEn?: string;
  edition?: string;
}

const editionLink = async (db: Kysely<Database>, id: string): Promise<EditionLink> => {
  const { definition } = await getContest(db, id);
  return { id, name: definition.name, nameEn: definition.nameEn, edition: definition.edition };
};

/**
 * Where a contest stands among its editions: the contest it was copied from, and the current
 * edition of its chain (the one made last; the contest itself when it is the newest).
 */
export async function editionOfContest(db: Kysely<Database>, id: string): Promise<{ of: EditionLink | null; current: EditionLink }> {
  const family = await editionFamily(db, id);
  const newest = family.reduce((a, b) => (b.created_at > a.created_at || (b.created_at.getTime() === a.created_at.getTime() && b.id > a.id) ? b : a));
  const of = family.find((c) => c.id === id)?.edition_of ?? null;
  return { of: of === null ? null : await editionLink(db, of), current: await editionLink(db, newest.id) };
}
