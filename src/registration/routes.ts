import { z } from 'zod';
import { contestParams } from '../contest/api-schema.ts';
import { errorReplySchema, requestInvalidError } from '../platform/http/error-reply.ts';
import type { LeitaiApp } from '../platform/http/server.ts';
import { acceptInvitation, describeInvitation, invitationsOf, inviteToTeam, revokeInvitation } from './invitations.ts';
import { dryRunBody, salvageEntry, withSchemaProblems } from './dry-run.ts';
import { contestRegistrations, myRegistrations, showRegistration } from './listing.ts';
import {
  acceptInvitationBody,
  checkReply,
  contestRegistrationsQuery,
  contestRegistrationsReply,
  invitationBody,
  invitationCodeParams,
  invitationCreatedReply,
  invitationIdParams,
  invitationListReply,
  invitationReply,
  invitationSummaryReply,
  registrationInputSchema,
  registrationListReply,
  registrationReply,
  revealBody,
} from './schema.ts';
import { revealRegistration } from './reveal.ts';
import { checkRegistration, editRegistration, registerEntry, withdrawRegistration, type Actor } from './service.ts';

const idParams = z.object({ id: z.string().uuid() });
const checkQuery = z.object({ registrationId: z.string().uuid().optional() });
const refusals = {
  400: errorReplySchema,
  401: errorReplySchema,
  403: errorReplySchema,
  404: errorReplySchema,
  409: errorReplySchema,
  410: errorReplySchema,
  422: errorReplySchema,
  429: errorReplySchema,
};
/**
 * The dry run answers whether people are on other teams, so it is limited per account: the form
 * checks on a pause in typing (a few a minute), a scan of phone numbers needs hundreds.
 */
export const CHECK_LIMIT_PER_MINUTE = 60;
const checkLimit = {
  rateLimit: {
    max: CHECK_LIMIT_PER_MINUTE,
    timeWindow: '1 minute',
    keyGenerator: (request: { account: Actor['account']; ip: string }) => request.account?.id ?? `ip:${request.ip}`,
  },
};
const tags = ['registrations'];

/** Thin handlers: validate → authorise (in the service) → one service call → present. */
export async function registrationRoutes(app: LeitaiApp) {
  const actor = (request: { account: Actor['account'] }): Actor => ({ account: request.account, clock: app.clock });
  const present = (id: string, request: { account: Actor['account'] }) => showRegistration(app.db, id, request.account, app.clock);

  app.post(
    '/api/contests/:id/registrations/check',
    {
      config: checkLimit,
      schema: {
        tags,
        summary: `Dry run (signed in, ${CHECK_LIMIT_PER_MINUTE} a minute per account): every rule the entry would break, without registering (registrationId: the entry being edited, left out of the rules across registrations). Fields of the wrong shape are problems beside the rules' (which run on the rest); 400 only when the track or kind of entrant is unusable`,
        params: contestParams,
        querystring: checkQuery,
        body: dryRunBody,
        response: { 200: checkReply, ...refusals },
      },
    },
    async (request) => {
      const salvaged = salvageEntry(request.body);
      if (!salvaged.entry) throw requestInvalidError(salvaged.problems);
      return withSchemaProblems(
        salvaged.problems,
        await checkRegistration(app.db, request.params.id, salvaged.entry, actor(request), request.query.registrationId),
      );
    },
  );

  app.post(
    '/api/contests/:id/registrations',
    {
      schema: {
        tags,
        summary: 'Register an entry (individual, team or organisation) under every rule of the contest',
        params: contestParams,
        body: registrationInputSchema,
        response: { 201: registrationReply, ...refusals },
      },
    },
    async (request, reply) => {
      const row = await registerEntry(app.db, request.params.id, request.body, actor(request));
      return reply.status(201).send({ registration: await present(row.id, request) });
    },
  );

  app.get(
    '/api/contests/:id/registrations',
    {
      schema: {
        tags,
        summary: "The contest's registrations with counts by division and zone (organisers; coordinators see their zones)",
        params: contestParams,
        querystring: contestRegistrationsQuery,
        response: { 200: contestRegistrationsReply, ...refusals },
      },
    },
    async (request) => contestRegistrations(app.db, request.params.id, request.query, request.account, app.clock),
  );

  app.get(
    '/api/me/registrations',
    { schema: { tags, summary: 'My registrations, as leader or member', response: { 200: registrationListReply, ...refusals } } },
    async (request) => ({
      registrations: await myRegistrations(app.db, request.account, app.clock),
    }),
  );

  app.get(
    '/api/registrations/:id',
    { schema: { tags, summary: 'One registration', params: idParams, response: { 200: registrationReply, ...refusals } } },
    async (request) => ({
      registration: await present(request.params.id, request),
    }),
  );

  app.put(
    '/api/registrations/:id',
    {
      schema: {
        tags,
        summary: 'Edit a registration until registration closes',
        params: idParams,
        body: registrationInputSchema,
        response: { 200: registrationReply, ...refusals },
      },
    },
    async (request) => {
      await editRegistration(app.db, request.params.id, request.body, actor(request));
      return { registration: await present(request.params.id, request) };
    },
  );

  app.post(
    '/api/registrations/:id/withdraw',
    { schema: { tags, summary: 'Withdraw a registration', params: idParams, response: { 200: registrationReply, ...refusals } } },
    async (request) => {
      await withdrawRegistration(app.db, request.params.id, actor(request));
      return { registration: await present(request.params.id, request) };
    },
  );

  app.post(
    '/api/registrations/:id/reveal',
    {
      schema: {
        tags,
        summary: "An organiser sees one entry's people unmasked, giving a reason (audited as registration.revealed)",
        params: idParams,
        body: revealBody,
        response: { 200: registrationReply, ...refusals },
      },
    },
    async (request) => {
      await revealRegistration(app.db, request.params.id, request.body.reason, actor(request));
      return { registration: await showRegistration(app.db, request.params.id, request.account, app.clock, { revealed: true }) };
    },
  );

  app.post(
    '/api/registrations/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Invite a member or advisor to the team by link or code, optionally bound to one listed person',
        params: idParams,
        body: invitationBody,
        response: { 201: invitationCreatedReply, ...refusals },
      },
    },
    async (request, reply) => {
      const invitation = await inviteToTeam(app.db, request.params.id, request.body, actor(request));
      return reply.status(201).send({ invitation: { ...invitation, url: `/join/${invitation.code}`, expiresAt: invitation.expiresAt.toISOString() } });
    },
  );

  app.get(
    '/api/registrations/:id/invitations',
    {
      schema: {
        tags,
        summary: "The entry's invitations by id and status (leader and organisers; codes are shown only when made)",
        params: idParams,
        response: { 200: invitationListReply, ...refusals },
      },
    },
    async (request) => ({ invitations: await invitationsOf(app.db, request.params.id, actor(request)) }),
  );

  app.post(
    '/api/registrations/:id/invitations/:invitationId/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke an unused invitation (leader and organisers)',
        params: invitationIdParams,
        response: { 200: invitationSummaryReply, ...refusals },
      },
    },
    async (request) => ({ invitation: await revokeInvitation(app.db, request.params.id, request.params.invitationId, actor(request)) }),
  );

  app.get(
    '/api/invitations/:code',
    {
      schema: {
        tags,
        summary: 'What an invitation is for (the entry and its leader only when signed in)',
        params: invitationCodeParams,
        response: { 200: invitationReply, ...refusals },
      },
    },
    async (request) => ({
      invitation: await describeInvitation(app.db, request.params.code, app.clock.now(), request.account),
    }),
  );

  app.post(
    '/api/invitations/:code/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation: join the team or confirm your place in it (a bound invitation only as its person)',
        params: invitationCodeParams,
        body: acceptInvitationBody,
        response: { 200: registrationReply, ...refusals },
      },
    },
    async (request) => {
      const row = await acceptInvitation(app.db, request.params.code, request.body.person, actor(request));
      return { registration: await present(row.id, request) };
    },
  );
}
