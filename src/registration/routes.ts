import { z } from 'zod';
import { contestParams } from '../contest/api-schema.ts';
import { errorReplySchema } from '../platform/http/error-reply.ts';
import type { LeitaiApp } from '../platform/http/server.ts';
import { acceptInvitation, describeInvitation, inviteToTeam } from './invitations.ts';
import { contestRegistrations, myRegistrations, showRegistration } from './listing.ts';
import {
  acceptInvitationBody,
  checkReply,
  contestRegistrationsQuery,
  contestRegistrationsReply,
  invitationBody,
  invitationCreatedReply,
  invitationReply,
  registrationInputSchema,
  registrationListReply,
  registrationReply,
} from './schema.ts';
import { checkRegistration, editRegistration, registerEntry, withdrawRegistration, type Actor } from './service.ts';

const idParams = z.object({ id: z.string().uuid() });
const checkQuery = z.object({ registrationId: z.string().uuid().optional() });
const codeParams = z.object({ code: z.string().min(4).max(40) });
const refusals = { 400: errorReplySchema, 401: errorReplySchema, 403: errorReplySchema, 404: errorReplySchema, 409: errorReplySchema, 410: errorReplySchema, 422: errorReplySchema };
const tags = ['registrations'];

/** Thin handlers: validate → authorise (in the service) → one service call → present. */
export async function registrationRoutes(app: LeitaiApp) {
  const actor = (request: { account: Actor['account'] }): Actor => ({ account: request.account, clock: app.clock });
  const present = (id: string, request: { account: Actor['account'] }) => showRegistration(app.db, id, request.account, app.clock);

  app.post(
    '/api/contests/:id/registrations/check',
    {
      schema: {
        tags,
        summary: 'Dry run: every rule the entry would break, without registering (registrationId: the entry being edited, left out of the rules across registrations)',
        params: contestParams,
        querystring: checkQuery,
        body: registrationInputSchema,
        response: { 200: checkReply, ...refusals },
      },
    },
    async (request) => checkRegistration(app.db, request.params.id, request.body, actor(request), request.query.registrationId),
  );

  app.post(
    '/api/contests/:id/registrations',
    { schema: { tags, summary: 'Register an entry (individual, team or organisation) under every rule of the contest', params: contestParams, body: registrationInputSchema, response: { 201: registrationReply, ...refusals } } },
    async (request, reply) => {
      const row = await registerEntry(app.db, request.params.id, request.body, actor(request));
      return reply.status(201).send({ registration: await present(row.id, request) });
    },
  );

  app.get(
    '/api/contests/:id/registrations',
    { schema: { tags, summary: "The contest's registrations with counts by division and zone (organisers; coordinators see their zones)", params: contestParams, querystring: contestRegistrationsQuery, response: { 200: contestRegistrationsReply, ...refusals } } },
    async (request) => contestRegistrations(app.db, request.params.id, request.query, request.account, app.clock),
  );

  app.get('/api/me/registrations', { schema: { tags, summary: 'My registrations, as leader or member', response: { 200: registrationListReply, ...refusals } } }, async (request) => ({
    registrations: await myRegistrations(app.db, request.account, app.clock),
  }));

  app.get('/api/registrations/:id', { schema: { tags, summary: 'One registration', params: idParams, response: { 200: registrationReply, ...refusals } } }, async (request) => ({
    registration: await present(request.params.id, request),
  }));

  app.put(
    '/api/registrations/:id',
    { schema: { tags, summary: 'Edit a registration until registration closes', params: idParams, body: registrationInputSchema, response: { 200: registrationReply, ...refusals } } },
    async (request) => {
      await editRegistration(app.db, request.params.id, request.body, actor(request));
      return { registration: await present(request.params.id, request) };
    },
  );

  app.post('/api/registrations/:id/withdraw', { schema: { tags, summary: 'Withdraw a registration', params: idParams, response: { 200: registrationReply, ...refusals } } }, async (request) => {
    await withdrawRegistration(app.db, request.params.id, actor(request));
    return { registration: await present(request.params.id, request) };
  });

  app.post(
    '/api/registrations/:id/invitations',
    { schema: { tags, summary: 'Invite a member or advisor to the team by link or code', params: idParams, body: invitationBody, response: { 201: invitationCreatedReply, ...refusals } } },
    async (request, reply) => {
      const invitation = await inviteToTeam(app.db, request.params.id, request.body.role, actor(request));
      return reply.status(201).send({ invitation: { ...invitation, url: `/join/${invitation.code}`, expiresAt: invitation.expiresAt.toISOString() } });
    },
  );

  app.get('/api/invitations/:code', { schema: { tags, summary: 'What an invitation is for', params: codeParams, response: { 200: invitationReply, ...refusals } } }, async (request) => ({
    invitation: await describeInvitation(app.db, request.params.code, app.clock.now()),
  }));

  app.post(
    '/api/invitations/:code/accept',
    { schema: { tags, summary: 'Accept an invitation: join the team or confirm your place in it', params: codeParams, body: acceptInvitationBody, response: { 200: registrationReply, ...refusals } } },
    async (request) => {
      const row = await acceptInvitation(app.db, request.params.code, request.body.person, actor(request));
      return { registration: await present(row.id, request) };
    },
  );
}
