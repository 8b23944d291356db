import { contestParams } from '../contest/api-schema.ts';
import { errorReplySchema } from '../platform/http/error-reply.ts';
import type { LeitaiApp } from '../platform/http/server.ts';
import { closePhaseBody, extendPhaseBody, phaseParams, phaseReply, roundBody, roundParams, roundReply, scheduleReply } from './schema.ts';
import { closePhaseEarly, closeRound, extendPhase, reopenRound, scheduleOf, type ScheduleActor } from './service.ts';

const tags = ['schedule'];
const refusals = { 400: errorReplySchema, 401: errorReplySchema, 403: errorReplySchema, 404: errorReplySchema, 409: errorReplySchema, 422: errorReplySchema };

const roundMoves = [
  { path: 'close', move: closeRound, summary: 'Close an open review round (organisers); reason optional' },
  { path: 'reopen', move: reopenRound, summary: 'Reopen a closed, unpublished review round (organisers), with a reason' },
] as const;
// Publishing a round is review/publishing's: it freezes the results as a snapshot and calls publishRound in that transaction.

/** Thin handlers: validate → authorise (in the service) → one service call → present. */
export async function scheduleRoutes(app: LeitaiApp) {
  const actor = (request: { account: ScheduleActor['account'] }): ScheduleActor => ({ account: request.account, clock: app.clock });

  app.get(
    '/api/contests/:id/schedule',
    {
      schema: {
        tags,
        summary: "The schedule as it stands: each phase's window (planned end, and the organiser's change with its reason) and each review round's state",
        params: contestParams,
        response: { 200: scheduleReply, 404: errorReplySchema },
      },
    },
    async (request) => ({ schedule: await scheduleOf(app.db, request.params.id) }),
  );

  app.post(
    '/api/contests/:id/phases/:phaseId/extend',
    {
      schema: {
        tags,
        summary: "Extend a phase's window that has not ended to a later end, with a reason (organisers)",
        params: phaseParams,
        body: extendPhaseBody,
        response: { 200: phaseReply, ...refusals },
      },
    },
    async (request) => ({ phase: await extendPhase(app.db, request.params.id, request.params.phaseId, request.body, actor(request)) }),
  );

  app.post(
    '/api/contests/:id/phases/:phaseId/close',
    {
      schema: {
        tags,
        summary: 'Close an open phase now, with a reason (organisers)',
        params: phaseParams,
        body: closePhaseBody,
        response: { 200: phaseReply, ...refusals },
      },
    },
    async (request) => ({ phase: await closePhaseEarly(app.db, request.params.id, request.params.phaseId, request.body, actor(request)) }),
  );

  for (const { path, move, summary } of roundMoves) {
    app.post(
      `/api/contests/:id/rounds/:roundId/${path}`,
      { schema: { tags, summary, params: roundParams, body: roundBody, response: { 200: roundReply, ...refusals } } },
      async (request) => ({ round: await move(app.db, request.params.id, request.params.roundId, request.body ?? {}, actor(request)) }),
    );
  }
}
