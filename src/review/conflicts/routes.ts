import { contestParams } from '../../contest/api-schema.ts';
import { documentedRoutes } from '../../platform/http/route-schema.ts';
import { requestActor } from '../../platform/http/request-actor.ts';
import type { LeitaiApp } from '../../platform/http/server.ts';
import { conflictParams, conflictsReply, declareConflictBody, declaredConflictReply } from './schema.ts';
import { conflictListOf, declareConflict, withdrawConflict } from './service.ts';

const documented = documentedRoutes('conflicts', [400, 401, 403, 404, 409, 422]);

/** Thin handlers: validate → authorise (in the service) → one service call → present. */
export async function conflictRoutes(app: LeitaiApp) {
  const actor = requestActor(app);

  app.get(
    '/api/contests/:id/conflicts',
    documented('Every conflict of interest between judges and entries, found and declared, each with its reasons (organisers)', {
      params: contestParams,
      response: { 200: conflictsReply },
    }),
    async (request) => ({ conflicts: await conflictListOf(app.db, request.params.id, request.account) }),
  );

  app.post(
    '/api/contests/:id/judging/me/conflicts',
    documented('The signed-in judge declares a conflict: an entry, an organisation or a person; their assignment pairs it touches are released', {
      params: contestParams,
      body: declareConflictBody,
      response: { 201: declaredConflictReply },
    }),
    async (request, reply) => reply.status(201).send({ conflict: await declareConflict(app.db, request.params.id, request.body, actor(request)) }),
  );

  app.delete(
    '/api/contests/:id/judging/me/conflicts/:conflictId',
    documented('The signed-in judge withdraws one of their declared conflicts', { params: conflictParams, response: { 200: declaredConflictReply } }),
    async (request) => ({ conflict: await withdrawConflict(app.db, request.params.id, request.params.conflictId, actor(request)) }),
  );
}
