/** Register, sign in, sign out, and who am I. Thin: validate → one service call → present. */
import type { LeitaiApp } from '../http/server.ts';
import { errorReplySchema } from '../http/error-reply.ts';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../http/session-cookie.ts';
import { loginBody, meReply, registerBody, signedInReply, type AccountReply } from './schema.ts';
import { authenticate, createAccount, openSession, signOut, type Account } from './service.ts';

export const presentAccount = (account: Account): AccountReply => ({
  id: account.id,
  email: account.email,
  displayName: account.displayName,
  roles: account.roles.map((r) => ({ role: r.role, contestId: r.contestId, zoneId: r.zoneId })),
});

/** Guessing passwords costs an argon2 hash each; ten tries a minute per client IP is plenty for a person. */
const signInLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };

export async function authRoutes(app: LeitaiApp): Promise<void> {
  app.post(
    '/api/auth/register',
    {
      config: signInLimit,
      schema: {
        tags: ['auth'],
        summary: 'Create a participant account and sign in',
        body: registerBody,
        response: { 201: signedInReply, 400: errorReplySchema, 409: errorReplySchema, 429: errorReplySchema },
      },
    },
    async (request, reply) => {
      const account = await createAccount(app.db, request.body, app.clock, [{ role: 'participant' }]);
      const session = await openSession(app.db, account.id, app.clock);
      setSessionCookie(reply, app.config, session.token, session.expiresAt);
      return reply.status(201).send({ account: presentAccount(session.account) });
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: signInLimit,
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        body: loginBody,
        response: { 200: signedInReply, 400: errorReplySchema, 401: errorReplySchema, 403: errorReplySchema, 429: errorReplySchema },
      },
    },
    async (request, reply) => {
      const session = await authenticate(app.db, request.body.email, request.body.password, app.clock, { demoAccounts: app.config.demoAccounts });
      setSessionCookie(reply, app.config, session.token, session.expiresAt);
      return { account: presentAccount(session.account) };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out: ends the session and clears the cookie (204, no body)' } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await signOut(app.db, token);
      clearSessionCookie(reply, app.config);
      return reply.status(204).send();
    },
  );

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: 'The signed-in account, or null', response: { 200: meReply } } }, async (request) => ({
    account: request.account ? presentAccount(request.account) : null,
  }));
}
