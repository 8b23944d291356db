/**
 * What a link to a vote's page shows where it is shared (a WeChat group, above all). The showcase:
 * the vote's and the contest's names, a call to vote with the contest's summary, the site's picture.
 * An entry's page, once the vote shows its works: the entry's title, its summary, and its cover
 * picture. Only a vote Leitai runs (the definition's `voting`) has a card; any other address is left
 * to the other features' cards.
 */
import type { Kysely } from 'kysely';
import { shortened, siteName } from '../contest/page-metadata.ts';
import type { ContestDefinition } from '../contest/schema/index.ts';
import { findContest } from '../contest/service.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db-types.ts';
import { AppError } from '../platform/errors.ts';
import type { PageMetadata, PageMetadataOf } from '../platform/http/page-metadata.ts';
import { presentShowcaseEntry } from './showcase/presenter.ts';
import { showcaseEntry } from './showcase/service.ts';
import { createVotePhases } from './vote-phase.ts';

/** /contests/:id/vote/:phaseId, and an entry's page under it. */
const votePath = /^\/contests\/([^/]+)\/vote\/([^/]+)(?:\/entries\/([^/]+))?\/?$/;

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
export const votingPageMetadata = (db: Kysely<Database>, clock: Clock): PageMetadataOf => {
  const phases = createVotePhases(db);
  // An entry the public may not see yet (or not in the vote) shares the vote's own card.
  const entryCard = async (contestId: string, phaseId: string, entryId: string): Promise<PageMetadata | undefined> => {
    try {
      const shown = await showcaseEntry(db, phases, contestId, phaseId, entryId, { account: null, at: clock.now() });
      const { entry } = presentShowcaseEntry(shown);
      const { definition } = shown.phase.contest;
      return {
        title: `${entry.title} · ${shown.phase.rules.phase.name} · ${siteName}`,
        description: shortened(entry.summary ?? `为「${entry.title}」投上一票。${definition.name}`),
        image: entry.cover ?? '/share.png',
      };
    } catch (error) {
      if (error instanceof AppError) return undefined;
      throw error;
    }
  };
  return async (path) => {
    const match = votePath.exec(path);
    if (!match) return undefined;
    // The server refuses an address that does not decode before it gets here.
    const [contestId, phaseId, entryId] = match.slice(1).map((part) => part && decodeURIComponent(part));
    const contest = await findContest(db, contestId);
    if (!contest) return undefined;
    return (entryId && (await entryCard(contestId, phaseId, entryId))) || voteShareCard(contest.definition, phaseId);
  };
};
