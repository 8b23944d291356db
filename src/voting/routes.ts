/** The vote path's routes: cast a vote, each vote phase with the voter's votes left, the counts. */
import { errorReplySchema } from '../platform/http/error-reply.ts';
import type { LeitaiApp } from '../platform/http/server.ts';
import { voteClientOf } from './client.ts';
import { votingContext } from './context.ts';
import { presentTallies, presentVote, presentVotePhase } from './presenter.ts';
import { contestVotingParams, phaseParams, talliesReply, voteBody, voteReply, votingReply } from './schema.ts';
import { castVote, createVotePath, phaseTallies, votingPhases, type VotePath } from './service.ts';
import { voterOfRequest } from './voters/cookie.ts';

const tags = ['voting'];

/**
 * With REDIS_URL several server processes share one database: each keeps its caches (counts,
 * voters' votes) for at most this long before reading them again (ingest/ingest.ts).
 */
const SHARED_CACHE_TTL_MS = 1000;

/** The vote path of this server: its ingest is closed (what is queued written) when the server closes. */
function votePathOf(app: LeitaiApp): VotePath {
  const { counters, challenges } = votingContext(app);
  const path = createVotePath(
    app.db,
    { clock: app.clock, counters, challenges },
    {
      cacheTtlMs: app.config.redisUrl ? SHARED_CACHE_TTL_MS : undefined,
      onBatchFailed: (error) => app.log.error({ err: error }, 'a batch of votes was not committed: its requests are answered vote.not_recorded'),
      onAnalyzeFailed: (error) => app.log.warn({ err: error }, 'the votes table could not be analysed: its queries may plan worse until autovacuum does'),
    },
  );
  app.addHook('onClose', () => path.ingest.close());
  return path;
}

export async function votingRoutes(app: LeitaiApp): Promise<void> {
  const path = votePathOf(app);

  app.post(
    '/api/contests/:id/phases/:phaseId/votes',
    {
      schema: {
        tags,
        summary:
          'Cast a vote (a signed-in voter, a solved challenge, an idempotency key); answered once the vote is committed, with the votes left. A retry with the same key answers with the first vote',
        params: phaseParams,
        body: voteBody,
        response: {
          201: voteReply,
          400: errorReplySchema,
          401: errorReplySchema,
          403: errorReplySchema,
          404: errorReplySchema,
          409: errorReplySchema,
          422: errorReplySchema,
          429: errorReplySchema,
          503: errorReplySchema,
        },
      },
    },
    async (request, reply) => {
      const voter = await voterOfRequest(app.db, request);
      const cast = await castVote(path, request.params.id, request.params.phaseId, request.body, voter, voteClientOf(request));
      return reply.status(201).send(presentVote(cast));
    },
  );

  app.get(
    '/api/contests/:id/voting',
    {
      schema: {
        tags,
        summary:
          "The contest's public votes: each phase's window, whether it is open, its rules in words and numbers, whether counts are shown, and the signed-in voter's votes left",
        params: contestVotingParams,
        response: { 200: votingReply, 404: errorReplySchema },
      },
    },
    async (request) => {
      const voter = await voterOfRequest(app.db, request);
      return { phases: (await votingPhases(path, request.params.id, voter, request.account)).map(presentVotePhase) };
    },
  );

  app.get(
    '/api/contests/:id/phases/:phaseId/tallies',
    {
      schema: {
        tags,
        summary: 'Counted votes per entry of a vote phase, when its definition shows them now; organisers always, with the held votes',
        params: phaseParams,
        response: { 200: talliesReply, 403: errorReplySchema, 404: errorReplySchema },
      },
    },
    async (request) => presentTallies(await phaseTallies(path, request.params.id, request.params.phaseId, request.account)),
  );
}
