import { documentedRoutes } from '../../platform/http/route-schema.ts';
import { requestActor } from '../../platform/http/request-actor.ts';
import type { LeitaiApp } from '../../platform/http/server.ts';
import { remindJudges, reopenScore, reviewBoard } from './board.ts';
import {
  contestParams,
  entryParams,
  judgedEntryReply,
  judgingRoundReply,
  judgingRoundsReply,
  remindBody,
  remindReply,
  reopenBody,
  reopenParams,
  reopenReply,
  reviewBoardReply,
  roundParams,
  scoreBody,
  scoreReply,
} from './schema.ts';
import { judgedEntry, judgingRound, judgingRounds, saveDraft, submitScore } from './service.ts';

const documented = documentedRoutes('review', [400, 401, 403, 404, 409, 422]);

/** Thin handlers: validate → authorise (in the service) → one service call → present. */
export async function scoringRoutes(app: LeitaiApp) {
  const actor = requestActor(app);
  const judging = '/api/contests/:id/rounds/:roundId/judging';

  app.get(
    '/api/contests/:id/judging',
    documented("The rounds the signed-in judge serves: window, state, how many entries are assigned and submitted (the contest's judges)", {
      params: contestParams,
      response: { 200: judgingRoundsReply },
    }),
    async (request) => ({ rounds: await judgingRounds(app.db, request.params.id, actor(request)) }),
  );

  app.get(
    judging,
    documented("A round as its judge scores it: rubric, scale, window, whether open; the judge's entries (no names in a blind round) and progress", {
      params: roundParams,
      response: { 200: judgingRoundReply },
    }),
    async (request) => judgingRound(app.db, request.params.id, request.params.roundId, actor(request)),
  );

  app.get(
    `${judging}/:entryId`,
    documented("One entry assigned to the judge: the entry (no names in a blind round), its works with download links, the judge's score", {
      params: entryParams,
      response: { 200: judgedEntryReply },
    }),
    async (request) => judgedEntry(app.db, request.params.id, request.params.roundId, request.params.entryId, actor(request)),
  );

  app.put(
    `${judging}/:entryId`,
    documented("Autosave the judge's draft: values may be partial, each within its scale; refused once submitted", {
      params: entryParams,
      body: scoreBody,
      response: { 200: scoreReply },
    }),
    async (request) => ({ score: await saveDraft(app.db, request.params.id, request.params.roundId, request.params.entryId, request.body, actor(request)) }),
  );

  app.post(
    `${judging}/:entryId/submit`,
    documented('Submit the score, complete, once (values sent replace the draft’s; none sent submits the draft)', {
      params: entryParams,
      body: scoreBody.nullish(),
      response: { 200: scoreReply },
    }),
    async (request) => ({
      score: await submitScore(app.db, request.params.id, request.params.roundId, request.params.entryId, request.body ?? {}, actor(request)),
    }),
  );

  app.post(
    '/api/contests/:id/rounds/:roundId/scores/:entryId/:judgeId/reopen',
    documented('Give a submitted score back to its judge as a draft, with a reason (organisers; audited)', {
      params: reopenParams,
      body: reopenBody,
      response: { 200: reopenReply },
    }),
    async (request) => {
      const { id, roundId, entryId, judgeId } = request.params;
      return { score: await reopenScore(app.db, id, roundId, entryId, judgeId, request.body, actor(request)) };
    },
  );

  app.get(
    '/api/contests/:id/rounds/:roundId/review-board',
    documented('The review board (organisers): per judge assigned, submitted, drafts, mean and deviation from the other judges; entries scored', {
      params: roundParams,
      response: { 200: reviewBoardReply },
    }),
    async (request) => reviewBoard(app.db, request.params.id, request.params.roundId, actor(request)),
  );

  app.post(
    '/api/contests/:id/rounds/:roundId/reminders',
    documented('Remind the judges (all, or those listed) who have entries left to submit: one outbox message each (organisers; audited)', {
      params: roundParams,
      body: remindBody,
      response: { 200: remindReply },
    }),
    async (request) => remindJudges(app.db, request.params.id, request.params.roundId, request.body ?? {}, actor(request)),
  );
}
