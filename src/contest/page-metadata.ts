import type { Kysely } from 'kysely';
import type { Database } from '../platform/db-types.ts';
import type { PageMetadata, PageMetadataOf } from '../platform/http/page-metadata.ts';
import type { ContestDefinition } from './schema/index.ts';
import { findContest } from './service.ts';

/** A contest's page and its registration page: a link to either is shared with the contest's card. */
const contestPath = /^\/contests\/([^/]+)(?:\/register)?\/?$/;

/** Share cards cut a summary at about this many characters anyway; the cut is ours, with an ellipsis. */
const descriptionLength = 120;

export const siteName = '擂台 Leitai';

/** A text as one share card line: white space folded, cut at `length` characters with an ellipsis. */
export const shortened = (text: string, length = descriptionLength) => {
  const characters = [...text.replace(/\s+/g, ' ').trim()];
  return characters.length <= length ? characters.join('') : `${characters.slice(0, length - 1).join('')}…`;
};

export const contestShareCard = (definition: ContestDefinition): PageMetadata => ({
  title: `${definition.name} · ${siteName}`,
  description: shortened(definition.summary ?? definition.theme ?? definition.name, descriptionLength),
  image: '/share.png',
});

/** The share card of a contest page's address, or undefined for any other address or an unknown contest. */
export const contestPageMetadata =
  (db: Kysely<Database>): PageMetadataOf =>
  async (path) => {
    const segment = contestPath.exec(path)?.[1];
    if (segment === undefined) return undefined;
    // The server refuses an address that does not decode before it gets here.
    const contest = await findContest(db, decodeURIComponent(segment));
    return contest && contestShareCard(contest.definition);
  };
