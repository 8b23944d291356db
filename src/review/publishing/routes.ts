import { errorReplySchema } from '../../platform/http/error-reply.ts';
import type { LeitaiApp } from '../../platform/http/server.ts';
import {
  phaseParams,
  previewReply,
  publishBody,
  publishReply,
  registrationParams,
  registrationResultsReply,
  roundParams,
  roundResultsReply,
  voteCountsBody,
  voteCountsReply,
  voteImportReply,
} from './schema.ts';
import { previewResults, publishResults, registrationResults, roundResults, type PublishingActor } from './service.ts';
import { importVoteCounts, voteCountsOf } from './votes.ts';

const tags = ['results'];
const refusals = { 400: errorReplySchema, 401: errorReplySchema, 403: errorReplySchema, 404: errorReplySchema, 409: errorReplySchema, 422: errorReplySchema };

/** Thin handlers: validate → authorise (in the service) → one service call → present. */
export async function publishingRoutes(app: LeitaiApp) {
  const actor = (request: { account: PublishingActor['account'] }): PublishingActor => ({ account: request.account, clock: app.clock });
  const results = '/api/contests/:id/rounds/:roundId/results';
  const voteCounts = '/api/contests/:id/phases/:phaseId/vote-counts';

  app.put(
    voteCounts,
    {
      schema: {
        tags,
        summary: "Replace a public vote phase's imported counts, each entry by reference or registration id (organisers; audited with a digest)",
        params: phaseParams,
        body: voteCountsBody,
        response: { 200: voteImportReply, ...refusals },
      },
    },
    async (request) => importVoteCounts(app.db, request.params.id, request.params.phaseId, request.body.counts, actor(request)),
  );

  app.get(
    voteCounts,
    {
      schema: { tags, summary: "A public vote phase's imported counts (organisers)", params: phaseParams, response: { 200: voteCountsReply, ...refusals } },
    },
    async (request) => voteCountsOf(app.db, request.params.id, request.params.phaseId, actor(request)),
  );

  app.get(
    `${results}/preview`,
    {
      schema: {
        tags,
        summary: "The round's results as they would be published now, with each entry's reference and title (organisers)",
        params: roundParams,
        response: { 200: previewReply, ...refusals },
      },
    },
    async (request) => previewResults(app.db, request.params.id, request.params.roundId, actor(request)),
  );

  app.post(
    `${results}/publish`,
    {
      schema: {
        tags,
        summary:
          'Publish the round’s results (organisers): the first needs the round closed and publishes it; a correction needs a reason and keeps the earlier versions',
        params: roundParams,
        body: publishBody,
        response: { 200: publishReply, ...refusals },
      },
    },
    async (request) => ({ publication: await publishResults(app.db, request.params.id, request.params.roundId, request.body ?? {}, actor(request)) }),
  );

  app.get(
    results,
    {
      schema: {
        tags,
        summary: "The round's latest published ranking per division, with its SHA-256 (anyone); organisers also get every publication",
        params: roundParams,
        response: { 200: roundResultsReply, ...refusals },
      },
    },
    async (request) => roundResults(app.db, request.params.id, request.params.roundId, actor(request)),
  );

  app.get(
    '/api/registrations/:registrationId/results',
    {
      schema: {
        tags,
        summary: "An entry's published results per round: rank, score, whether it goes on, awards (its people and the organisers)",
        params: registrationParams,
        response: { 200: registrationResultsReply, ...refusals },
      },
    },
    async (request) => registrationResults(app.db, request.params.registrationId, actor(request)),
  );
}
