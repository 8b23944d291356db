import { requireAccount } from '../platform/auth/policy.ts';
import { errorReplySchema } from '../platform/http/error-reply.ts';
import type { LeitaiApp } from '../platform/http/server.ts';
import { forbidden } from '../platform/errors.ts';
import { contestListReply, contestParams, contestReply, copiedContestReply, copyContestBody } from './api-schema.ts';
import { canCopyContest } from './policy.ts';
import { presentContest, presentContestListItem } from './presenter.ts';
import { getScheduledContest, withSchedules } from '../schedule/service.ts';
import { copyContestEdition, editionOfContest, findContests } from './service.ts';

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

  app.post(
    '/api/contests/:id/copy',
    {
      schema: {
        tags: ['contests'],
        summary: "The contest's next edition: every date shifted so registration opens on the given day (organisers)",
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
      const copy = await copyContestEdition(app.db, request.params.id, request.body.registrationOpens, account.id, app.clock);
      return reply.status(201).send({ contest: { id: copy.id } });
    },
  );
}
