/** Who votes: a code by SMS, the session it opens, who is signed in, signing out, and the challenge before a vote. */
import { maskPhone } from '../../registration/identity.ts';
import { documentedRoutes, errorReplies } from '../../platform/http/route-schema.ts';
import type { LeitaiApp } from '../../platform/http/server.ts';
import { clientAddress } from '../address.ts';
import { challengeFor } from '../challenge.ts';
import { votingContext } from '../context.ts';
import { setVoterCookie, signOutRequest, voterOfRequest } from './cookie.ts';
import { challengeReply, codeRequestBody, codeSentReply, sessionBody, voterMeReply, voterReply } from './schema.ts';
import { requestCode, verifyCode, type Voter } from './service.ts';

const documented = documentedRoutes('voting', []);

const presentVoter = (voter: Voter) => ({ phone: maskPhone(voter.phone) });

export async function voterRoutes(app: LeitaiApp): Promise<void> {
  const context = votingContext(app);

  app.post(
    '/api/voting/codes',
    documented('Send a one-time code by SMS to a mainland mobile number (202); one a minute and five an hour per number, twenty an hour per address', {
      body: codeRequestBody,
      response: { 202: codeSentReply, ...errorReplies(400, 404, 429, 503) },
    }),
    async (request, reply) => {
      const sent = await requestCode(app.db, { ...request.body, address: clientAddress(request) }, { clock: app.clock, ...context });
      return reply.status(202).send({ expiresAt: sent.expiresAt.toISOString(), resendAfter: sent.resendAfter.toISOString() });
    },
  );

  app.post(
    '/api/voting/sessions',
    documented('Sign in as a voter with the code sent to the number; sets the leitai_voter cookie (30 days)', {
      body: sessionBody,
      response: { 200: voterReply, ...errorReplies(400, 429) },
    }),
    async (request, reply) => {
      const signedIn = await verifyCode(app.db, request.body, app.clock);
      setVoterCookie(request, reply, signedIn.token, signedIn.expiresAt);
      return { voter: presentVoter(signedIn.voter) };
    },
  );

  app.get('/api/voting/me', documented('The voter signed in on this browser, or null', { response: { 200: voterMeReply } }), async (request, reply) => {
    const voter = await voterOfRequest(app.db, request);
    reply.header('Cache-Control', 'no-store');
    return { voter: voter ? presentVoter(voter) : null };
  });

  app.delete('/api/voting/sessions', documented('Sign the voter out: ends the session and clears the cookie (204, no body)', {}), async (request, reply) => {
    await signOutRequest(app.db, request, reply);
    return reply.status(204).send();
  });

  app.get(
    '/api/voting/challenge',
    documented('A proof-of-work challenge (ALTCHA) for the widget to solve before a vote; expires in 5 minutes, accepted once', {
      response: { 200: challengeReply, ...errorReplies(429, 503) },
    }),
    async (request, reply) => {
      const challenge = await challengeFor(clientAddress(request), context);
      reply.header('Cache-Control', 'no-store');
      return challenge;
    },
  );
}
