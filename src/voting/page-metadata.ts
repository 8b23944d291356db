/**
 * What a link to a vote's page shows where it is shared (a WeChat group, above all): the vote's
 * name and contest as the title, a call to vote with the contest's summary, and the site's picture.
 * Only a vote Leitai runs (the definition's `voting`) has a card; any other address is left to the
 * other features' cards.
 */
import type { Kysely } from 'kysely';
import { shortened, siteName } from '../contest/page-metadata.ts';
import type { ContestDefinition } from '../contest/schema/index.ts';
import { findContest } from '../contest/service.ts';
import type { Database } from '../platform/db-types.ts';
import type { PageMetadata, PageMetadataOf } from '../platform/http/page-metadata.ts';

/** /contests/:id/vote/:phaseId, and an entry's page under it. */
const votePath = /^\/contests\/([^/]+)\/vote\/([^/]+)(?:\/entries\/[^/]+)?\/?$/;

export const voteShareCard = (definition: ContestDefinition, phaseId: string): PageMetadata | undefined => {
  const phase = definition.phases.find((p) => p.id === phaseId);
  if (!phase || !definition.voting.some((vote) => vote.phase === phaseId)) return undefined;
  const about = definition.summary ?? definition.theme;
  return {
    title: `${phase.name} · ${definition.name} · ${siteName}`,
    description: shortened(about ? `为你支持的作品投上一票。${about}` : `为${definition.name}中你支持的作品投上一票。`),
    image: '/share.png',
  };
};

/** The share card of a vote's showcase or entry page, or undefined for any other address. */
export const votingPageMetadata =
  (db: Kysely<Database>): PageMetadataOf =>
  async (path) => {
    const match = votePath.exec(path);
    if (!match) return undefined;
    // The server refuses an address that does not decode before it gets here.
    const contest = await findContest(db, decodeURIComponent(match[1]));
    return contest && voteShareCard(contest.definition, decodeURIComponent(match[2]));
  };
