import { documentedRoutes } from '../../platform/http/route-schema.ts';
import { requestActor } from '../../platform/http/request-actor.ts';
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
import { previewResults, publishResults, registrationResults, roundResults } from './service.ts';
import { importVoteCounts, voteCountsOf } from './votes.ts';

const documented = documentedRoutes('results', [400, 401, 403, 404, 409, 422]);

/** Thin handlers: validate → authorise (in the service) → one service call → present. */
export async function publishingRoutes(app: LeitaiApp) {
  const actor = requestActor(app);
  const results = '/api/contests/:id/rounds/:roundId/results';
  const voteCounts = '/api/contests/:id/phases/:phaseId/vote-counts';

  app.put(
    voteCounts,
    documented("Replace a public vote phase's imported counts, each entry by reference or registration id (organisers; audited with a digest)", {
      params: phaseParams,
      body: voteCountsBody,
      response: { 200: voteImportReply },
    }),
    async (request) => importVoteCounts(app.db, request.params.id, request.params.phaseId, request.body.counts, actor(request)),
  );

  app.get(
    voteCounts,
    documented("A public vote phase's imported counts (organisers)", { params: phaseParams, response: { 200: voteCountsReply } }),
    async (request) => voteCountsOf(app.db, request.params.id, request.params.phaseId, actor(request)),
  );

  app.get(
    `${results}/preview`,
    documented("The round's results as they would be published now, with each entry's reference and title (organisers)", {
      params: roundParams,
      response: { 200: previewReply },
    }),
    async (request) => previewResults(app.db, request.params.id, request.params.roundId, actor(request)),
  );

  app.post(
    `${results}/publish`,
    documented(
      'Publish the round’s results (organisers): the first needs the round closed and publishes it; a correction needs a reason and keeps the earlier versions',
      { params: roundParams, body: publishBody, response: { 200: publishReply } },
    ),
    async (request) => ({ publication: await publishResults(app.db, request.params.id, request.params.roundId, request.body ?? {}, actor(request)) }),
  );

  app.get(
    results,
    documented("The round's latest published ranking per division, with its SHA-256 (anyone); organisers also get every publication", {
      params: roundParams,
      response: { 200: roundResultsReply },
    }),
    async (request) => roundResults(app.db, request.params.id, request.params.roundId, actor(request)),
  );

  app.get(
    '/api/registrations/:registrationId/results',
    documented("An entry's published results per round: rank, score, whether it goes on, awards (its people and the organisers)", {
      params: registrationParams,
      response: { 200: registrationResultsReply },
    }),
    async (request) => registrationResults(app.db, request.params.registrationId, actor(request)),
  );
}
