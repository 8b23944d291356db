/** The organiser's held votes: the list with reasons, decisions one by one or in bulk, the rescan, the timeline. */
import { errorReplySchema } from '../../platform/http/error-reply.ts';
import type { LeitaiApp } from '../../platform/http/server.ts';
import { phaseParams } from '../schema.ts';
import { presentHeldVotes, presentTimeline } from './presenter.ts';
import { decisionBody, decisionReply, heldVotesQuery, heldVotesReply, rescanReply, timelineQuery, timelineReply } from './schema.ts';
import { decideHeldVotes, heldVotes, rescanAsOrganiser, voteTimeline, type HeldVotesActor } from './service.ts';

const tags = ['voting'];
const refusals = { 400: errorReplySchema, 401: errorReplySchema, 403: errorReplySchema, 404: errorReplySchema, 422: errorReplySchema };

/** Thin handlers: validate → authorise (in the service) → one service call → present. */
export async function heldVoteRoutes(app: LeitaiApp) {
  const actor = (request: { account: HeldVotesActor['account'] }): HeldVotesActor => ({ account: request.account, clock: app.clock });
  const held = '/api/contests/:id/phases/:phaseId/held-votes';

  app.get(
    held,
    {
      schema: {
        tags,
        summary: "A vote phase's held votes with the reasons each was held, oldest first, by signal or entry, a page at a time (organisers)",
        params: phaseParams,
        querystring: heldVotesQuery,
        response: { 200: heldVotesReply, ...refusals },
      },
    },
    async (request) => presentHeldVotes(await heldVotes(app.db, request.params.id, request.params.phaseId, request.query, actor(request))),
  );

  app.post(
    `${held}/decisions`,
    {
      schema: {
        tags,
        summary: 'Count (release) or reject held votes, by id or every one a filter matches, in one transaction that moves the tallies (organisers; audited)',
        params: phaseParams,
        body: decisionBody,
        response: { 200: decisionReply, ...refusals },
      },
    },
    async (request) => decideHeldVotes(app.db, request.params.id, request.params.phaseId, request.body, actor(request)),
  );

  app.post(
    `${held}/rescan`,
    {
      schema: {
        tags,
        summary: "Rescan the phase's votes so far and hold what only the stream over time shows: lockstep rings, spray and slow farms (organisers; audited)",
        params: phaseParams,
        response: { 200: rescanReply, ...refusals },
      },
    },
    async (request) => rescanAsOrganiser(app.db, request.params.id, request.params.phaseId, actor(request)),
  );

  app.get(
    '/api/contests/:id/phases/:phaseId/timeline',
    {
      schema: {
        tags,
        summary: "A vote phase's votes per entry per hour (or minute, for one entry) in the contest's time zone: counted, held and rejected (organisers)",
        params: phaseParams,
        querystring: timelineQuery,
        response: { 200: timelineReply, ...refusals },
      },
    },
    async (request) => presentTimeline(await voteTimeline(app.db, request.params.id, request.params.phaseId, request.query, actor(request))),
  );
}
