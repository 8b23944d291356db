import { contestParams } from '../../contest/api-schema.ts';
import { errorReplySchema } from '../../platform/http/error-reply.ts';
import type { LeitaiApp } from '../../platform/http/server.ts';
import type { JudgesActor } from '../judges/own.ts';
import { conflictParams, conflictsReply, declareConflictBody, declaredConflictReply } from './schema.ts';
import { conflictListOf, declareConflict, withdrawConflict } from './service.ts';

const tags = ['conflicts'];
const refusals = { 400: errorReplySchema, 401: errorReplySchema, 403: errorReplySchema, 404: errorReplySchema, 409: errorReplySchema, 422: errorReplySchema };

/** Thin handlers: validate → authorise (in the service) → one service call → present. */
export async function conflictRoutes(app: LeitaiApp) {
  const actor = (request: { account: JudgesActor['account'] }): JudgesActor => ({ account: request.account, clock: app.clock });

  app.get(
    '/api/contests/:id/conflicts',
    {
      schema: {
        tags,
        summary: 'Every conflict of interest between judges and entries, found and declared, each with its reasons (organisers)',
        params: contestParams,
        response: { 200: conflictsReply, ...refusals },
      },
    },
    async (request) => ({ conflicts: await conflictListOf(app.db, request.params.id, request.account) }),
  );

  app.post(
    '/api/contests/:id/judging/me/conflicts',
    {
      schema: {
        tags,
        summary: 'The signed-in judge declares a conflict: an entry, an organisation or a person; their assignment pairs it touches are released',
        params: contestParams,
        body: declareConflictBody,
        response: { 201: declaredConflictReply, ...refusals },
      },
    },
    async (request, reply) => reply.status(201).send({ conflict: await declareConflict(app.db, request.params.id, request.body, actor(request)) }),
  );

  app.delete(
    '/api/contests/:id/judging/me/conflicts/:conflictId',
    {
      schema: {
        tags,
        summary: 'The signed-in judge withdraws one of their declared conflicts',
        params: conflictParams,
        response: { 200: declaredConflictReply, ...refusals },
      },
    },
    async (request) => ({ conflict: await withdrawConflict(app.db, request.params.id, request.params.conflictId, actor(request)) }),
  );
}
