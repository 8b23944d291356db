import { requireAccount } from '../platform/auth/policy.ts';
import { errorReplySchema } from '../platform/http/error-reply.ts';
import type { LeitaiApp } from '../platform/http/server.ts';
import { forbidden } from '../platform/errors.ts';
import {
  contestListReply,
  contestParams,
  contestReply,
  copiedContestReply,
  copyContestBody,
  deletedContestReply,
  editionTextsBody,
  nextEditionQuery,
  nextEditionReply,
  publishedContestReply,
} from './api-schema.ts';
import { canCopyContest, canDeleteEdition } from './policy.ts';
import { presentContest, presentContestListItem, presentEditionProposal } from './presenter.ts';
import { getScheduledContest, withSchedules } from '../schedule/service.ts';
import { copyContestEdition, deleteContestEdition, editionOfContest, findContests, proposeContestEdition, replaceEditionTexts } from './service.ts';

export async function contestRoutes(app: LeitaiApp) {
  app.get(
    '/api/contests',
    {
      schema: {
        tags: ['contests'],
        summary: 'Every published contest, with its registration window and the phase open now',
        response: { 200: contestListReply },
      },
    },
    async () => ({
      contests: (await withSchedules(app.db, await findContests(app.db))).map((contest) => presentContestListItem(contest, app.clock.now())),
    }),
  );

  app.get(
    '/api/contests/:id',
    {
      schema: {
        tags: ['contests'],
        summary: 'A contest as participants read it: tracks, who may enter, works, schedule, awards',
        params: contestParams,
        response: { 200: contestReply, 404: errorReplySchema },
      },
    },
    async (request) => {
      const contest = await getScheduledContest(app.db, request.params.id);
      return { contest: presentContest(contest, await editionOfContest(app.db, contest.definition.id), app.clock.now()) };
    },
  );

  app.get(
    '/api/contests/:id/next-edition',
    {
      schema: {
        tags: ['contests'],
        summary: 'The next edition a copy would make, with its id, names, year and first and last days; changes nothing (organisers)',
        params: contestParams,
        querystring: nextEditionQuery,
        response: { 200: nextEditionReply, 400: errorReplySchema, 401: errorReplySchema, 403: errorReplySchema, 404: errorReplySchema, 409: errorReplySchema },
      },
    },
    async (request) => {
      const account = requireAccount(request.account);
      if (!canCopyContest(account, request.params.id)) throw forbidden('contest.copy_forbidden');
      const { registrationOpens, ...names } = request.query;
      return { edition: presentEditionProposal(await proposeContestEdition(app.db, request.params.id, registrationOpens, app.clock, names)) };
    },
  );

  app.post(
    '/api/contests/:id/copy',
    {
      schema: {
        tags: ['contests'],
        summary: "The contest's next edition: every date shifted so registration opens on the given day, not before today (organisers)",
        params: contestParams,
        body: copyContestBody,
        response: {
          201: copiedContestReply,
          400: errorReplySchema,
          401: errorReplySchema,
          403: errorReplySchema,
          404: errorReplySchema,
          409: errorReplySchema,
        },
      },
    },
    async (request, reply) => {
      const account = requireAccount(request.account);
      if (!canCopyContest(account, request.params.id)) throw forbidden('contest.copy_forbidden');
      const { registrationOpens, ...names } = request.body;
      const copy = await copyContestEdition(app.db, request.params.id, registrationOpens, account.id, app.clock, names);
      return reply.status(201).send({ contest: { id: copy.id } });
    },
  );

  app.put(
    '/api/contests/:id/texts',
    {
      schema: {
        tags: ['contests'],
        summary:
          "An edition's own summary and announcement, published as a new version; a text sent is no longer marked as the previous edition's (organisers)",
        params: contestParams,
        body: editionTextsBody,
        response: {
          200: publishedContestReply,
          400: errorReplySchema,
          401: errorReplySchema,
          403: errorReplySchema,
          404: errorReplySchema,
          409: errorReplySchema,
        },
      },
    },
    async (request) => {
      const account = requireAccount(request.account);
      if (!canCopyContest(account, request.params.id)) throw forbidden('contest.texts_forbidden');
      const { version } = await replaceEditionTexts(app.db, request.params.id, request.body, account.id, app.clock);
      return { contest: { id: request.params.id, version } };
    },
  );

  app.delete(
    '/api/contests/:id',
    {
      schema: {
        tags: ['contests'],
        summary: 'Deletes an edition copied in Leitai that has no registrations and no edition copied from it (organisers)',
        params: contestParams,
        response: { 200: deletedContestReply, 401: errorReplySchema, 403: errorReplySchema, 404: errorReplySchema, 409: errorReplySchema },
      },
    },
    async (request) => {
      const account = requireAccount(request.account);
      if (!canDeleteEdition(account, request.params.id)) throw forbidden('contest.delete_forbidden');
      await deleteContestEdition(app.db, request.params.id, account.id, app.clock);
      return { contest: { id: request.params.id } };
    },
  );
}
