import type { FastifyRequest } from 'fastify';
import { contestParams } from '../../contest/api-schema.ts';
import { documentedRoutes, errorReplies } from '../../platform/http/route-schema.ts';
import { requestActor } from '../../platform/http/request-actor.ts';
import type { LeitaiApp } from '../../platform/http/server.ts';
import { acceptInvitation, describeInvitation, inviteJudge, reissueInvitation } from './invitations.ts';
import {
  acceptedReply,
  invitationDescriptionReply,
  invitationParams,
  invitationReply,
  invitedReply,
  inviteJudgeBody,
  judgeParams,
  judgeReply,
  judgesReply,
  ownJudgeReply,
  publicJudgesReply,
  publishedReply,
  updateJudgeBody,
} from './schema.ts';
import { judgesOfContest, ownJudge, publicJudgesOf, publishJudges, removeJudge, unpublishJudges, updateJudge } from './service.ts';

const documented = documentedRoutes('judges', [400, 401, 403, 404, 409, 422]);
const documentedForAnyone = documentedRoutes('judges', [404]);

/** This server's origin as the request reached it (behind a trusted proxy, as the proxy says): where an invitation link points. */
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** Thin handlers: validate → authorise (in the service) → one service call → present. */
export async function judgeRoutes(app: LeitaiApp) {
  const actor = requestActor(app);

  app.post(
    '/api/contests/:id/judges',
    documented('Invite a judge (organisers): a single-use link, valid 30 days, returned and put in the outbox', {
      params: contestParams,
      body: inviteJudgeBody,
      response: { 201: invitedReply },
    }),
    async (request, reply) => reply.status(201).send(await inviteJudge(app.db, request.params.id, request.body, originOf(request), actor(request))),
  );

  app.get(
    '/api/contests/:id/judges',
    documented("The contest's judges with their conflicts counted, contact details masked, and whether the list is published (organisers)", {
      params: contestParams,
      response: { 200: judgesReply },
    }),
    async (request) => judgesOfContest(app.db, request.params.id, actor(request)),
  );

  app.patch(
    '/api/contests/:id/judges/:judgeId',
    documented('Edit a judge (organisers: every field; the judge: their own title, organisation, employer, school and expertise)', {
      params: judgeParams,
      body: updateJudgeBody,
      response: { 200: judgeReply },
    }),
    async (request) => ({ judge: await updateJudge(app.db, request.params.id, request.params.judgeId, request.body, actor(request)) }),
  );

  app.delete(
    '/api/contests/:id/judges/:judgeId',
    documented('Remove a judge (organisers): their links revoked and judge role taken back; their assignment pairs stay for the organiser to move', {
      params: judgeParams,
      response: { 200: judgeReply },
    }),
    async (request) => ({ judge: await removeJudge(app.db, request.params.id, request.params.judgeId, actor(request)) }),
  );

  app.post(
    '/api/contests/:id/judges/:judgeId/invitation',
    documented('A new invitation link for a judge who has not accepted (organisers); the old one is revoked', {
      params: judgeParams,
      response: { 200: invitationReply },
    }),
    async (request) => ({ invitation: await reissueInvitation(app.db, request.params.id, request.params.judgeId, originOf(request), actor(request)) }),
  );

  app.post(
    '/api/contests/:id/judges/publish',
    documented("Publish the judges' list on the contest's page (organisers)", { params: contestParams, response: { 200: publishedReply } }),
    async (request) => ({ published: await publishJudges(app.db, request.params.id, actor(request)) }),
  );

  app.delete(
    '/api/contests/:id/judges/publish',
    documented("Take the judges' list off the contest's page (organisers)", { params: contestParams, response: { 200: publishedReply } }),
    async (request) => ({ published: await unpublishJudges(app.db, request.params.id, actor(request)) }),
  );

  app.get(
    '/api/contests/:id/judges/public',
    documentedForAnyone("The published judges' list (anyone): name, title and organisation only; 404 judges.not_published before", {
      params: contestParams,
      response: { 200: publicJudgesReply },
    }),
    async (request) => ({ judges: await publicJudgesOf(app.db, request.params.id) }),
  );

  app.get(
    '/api/contests/:id/judging/me',
    documented('The signed-in judge: their own record and the conflicts they declared', { params: contestParams, response: { 200: ownJudgeReply } }),
    async (request) => ownJudge(app.db, request.params.id, actor(request)),
  );

  app.get(
    '/api/judge-invitations/:code',
    documentedForAnyone("A judging invitation before accepting it: the contest, the judge's name, and whether the link is open, accepted, expired or revoked", {
      params: invitationParams,
      response: { 200: invitationDescriptionReply },
    }),
    async (request) => describeInvitation(app.db, request.params.code, app.clock.now()),
  );

  app.post(
    '/api/judge-invitations/:code/accept',
    documented('Accept a judging invitation with the signed-in account: the judge role on the contest; the link works once', {
      params: invitationParams,
      response: { 200: acceptedReply, ...errorReplies(410) },
    }),
    async (request) => acceptInvitation(app.db, request.params.code, actor(request)),
  );
}
