import { documentedRoutes } from '../../platform/http/route-schema.ts';
import { requestActor } from '../../platform/http/request-actor.ts';
import type { LeitaiApp } from '../../platform/http/server.ts';
import { presentRun } from './presenter.ts';
import { abortAllRuns } from './runs.ts';
import { boardReply, moveBody, roundParams, runParams, runReply, startRunBody } from './schema.ts';
import { assignmentBoard, assignmentRun, cancelAssignmentRun, moveAssignment, startAssignmentRun, undoAssignment } from './service.ts';

const documented = documentedRoutes('assignment', [400, 401, 403, 404, 409]);
const round = '/api/contests/:id/rounds/:roundId/assignment';

/** Thin handlers: validate → authorise (in the service) → one service call → present. */
export async function assignmentRoutes(app: LeitaiApp) {
  const actor = requestActor(app);
  // A closing server stops its runs; they would be marked failed by the next process anyway.
  app.addHook('onClose', abortAllRuns);

  app.get(
    round,
    documented("The round's assignment (organisers): each entry's judges and their scores' status, each judge's load and cap, the latest runs, shortfalls", {
      params: roundParams,
      response: { 200: boardReply },
    }),
    async (request) => assignmentBoard(app.db, request.params.id, request.params.roundId, actor(request)),
  );

  app.post(
    `${round}/runs`,
    documented('Start a solver run of the round (organisers); it solves in the background: poll the run for progress', {
      params: roundParams,
      body: startRunBody,
      response: { 202: runReply },
    }),
    async (request, reply) => {
      const run = await startAssignmentRun(app.db, request.params.id, request.params.roundId, request.body ?? {}, actor(request));
      return reply.status(202).send({ run: presentRun(run) });
    },
  );

  app.get(
    `${round}/runs/:runId`,
    documented('A run with its progress and, once done, its summary (organisers)', { params: runParams, response: { 200: runReply } }),
    async (request) => ({ run: presentRun(await assignmentRun(app.db, request.params.id, request.params.roundId, request.params.runId, actor(request))) }),
  );

  app.post(
    `${round}/runs/:runId/cancel`,
    documented('Cancel a running run (organisers); it stores nothing', { params: runParams, response: { 200: runReply } }),
    async (request) => ({
      run: presentRun(await cancelAssignmentRun(app.db, request.params.id, request.params.roundId, request.params.runId, actor(request))),
    }),
  );

  app.post(
    `${round}/undo`,
    documented("Undo the round's newest change, a run or a hand move (organisers): the assignment before it comes back", {
      params: roundParams,
      response: { 200: runReply },
    }),
    async (request) => ({ run: presentRun(await undoAssignment(app.db, request.params.id, request.params.roundId, actor(request))) }),
  );

  app.post(
    `${round}/moves`,
    documented('Move one entry from one judge to another, or add a judge to it (organisers); refused when it breaks a conflict, a cap or coverage', {
      params: roundParams,
      body: moveBody,
      response: { 200: runReply },
    }),
    async (request) => ({ run: presentRun(await moveAssignment(app.db, request.params.id, request.params.roundId, request.body, actor(request))) }),
  );
}
