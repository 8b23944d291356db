import { expect, it } from 'vitest';
import { sessionCookieOf, testClock, testServer as anyServer, type TestServerOptions } from '../../../test/support/test-server.ts';
import type { Database } from '../db-types.ts';
import { authRoutes } from './routes.ts';
import { createAccount } from './service.ts';
import type { Kysely } from 'kysely';
import { describeOnDatabases } from '../../../test/support/test-database.ts';

const testServer = (db: Kysely<Database>, options: TestServerOptions = {}) => anyServer(db, { ...options, registerRoutes: [authRoutes] });

const alice = { email: 'Alice@Example.com', password: 'correct horse', displayName: '爱丽丝' };

describeOnDatabases('the auth routes', (database) => {
  it('registers a participant, signs them in, tells who they are, and signs them out', async () => {
    const app = await testServer(database.db);
    const registered = await app.inject({ method: 'POST', url: '/api/auth/register', payload: alice });
    expect(registered.statusCode).toBe(201);
    const account = {
      id: expect.any(String),
      email: 'alice@example.com',
      displayName: '爱丽丝',
      roles: [{ role: 'participant', contestId: null, zoneId: null }],
    };
    expect(registered.json()).toEqual({ account });
    const cookie = sessionCookieOf(registered);

    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.json()).toEqual({ account });

    const loggedOut = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(loggedOut.statusCode).toBe(204);
    expect(loggedOut.cookies).toEqual([expect.objectContaining({ name: 'leitai_session', value: '' })]);
    const afterLogout = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(afterLogout.json()).toEqual({ account: null });
  });

  it('signs in with email and password and sets an httpOnly, SameSite=Lax session cookie', async () => {
    const app = await testServer(database.db);
    await app.inject({ method: 'POST', url: '/api/auth/register', payload: alice });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'alice@example.com', password: 'correct horse' },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().account.email).toBe('alice@example.com');
    expect(login.cookies).toEqual([
      {
        name: 'leitai_session',
        value: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        path: '/',
        httpOnly: true,
        sameSite: 'Lax',
        expires: new Date('2025-10-01T00:00:00.000Z'),
      },
    ]);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: sessionCookieOf(login) } });
    expect(me.json().account.email).toBe('alice@example.com');
  });

  it('marks the session cookie Secure in production', async () => {
    const app = await testServer(database.db, { config: { nodeEnv: 'production', isProduction: true } });
    const registered = await app.inject({ method: 'POST', url: '/api/auth/register', payload: alice });
    expect(registered.cookies[0].secure).toBe(true);
  });

  it('refuses a wrong password with 401 auth.invalid_credentials', async () => {
    const app = await testServer(database.db);
    await app.inject({ method: 'POST', url: '/api/auth/register', payload: alice });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'alice@example.com', password: 'wrong horse' },
    });
    expect(login.statusCode).toBe(401);
    expect(login.json()).toEqual({
      error: { code: 'auth.invalid_credentials', message: { zh: '邮箱或密码不正确', en: 'Wrong email or password' }, problems: [] },
    });
    expect(login.cookies).toEqual([]);
  });

  it('refuses the eleventh sign-in attempt within a minute with 429 request.rate_limited', async () => {
    const app = await testServer(database.db);
    const attempt = () => app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'alice@example.com', password: 'wrong horse' } });
    for (let i = 0; i < 10; i++) expect((await attempt()).statusCode).toBe(401);
    const eleventh = await attempt();
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json().error.code).toBe('request.rate_limited');
    // The wait is read off the limiter's clock; its words are the same for any number of seconds.
    expect(eleventh.json().error.message.zh).toMatch(/^请求过于频繁，请 \d+ 秒后再试$/);
    expect(eleventh.json().error.message.en).toMatch(/^Too many attempts; try again in \d+ seconds?$/);
  });

  it('refuses to register an email twice with 409 auth.email_taken', async () => {
    const app = await testServer(database.db);
    await app.inject({ method: 'POST', url: '/api/auth/register', payload: alice });
    const again = await app.inject({ method: 'POST', url: '/api/auth/register', payload: { ...alice, email: 'ALICE@example.com' } });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'auth.email_taken']);
  });

  it('refuses a short password and a malformed email before creating anything', async () => {
    const app = await testServer(database.db);
    const reply = await app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'alice', password: 'short', displayName: '爱丽丝' },
    });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error.problems.map((p: { code: string; path: string }) => [p.code, p.path])).toEqual([
      ['invalid_format', 'email'],
      ['too_small', 'password'],
    ]);
    expect(await database.db.selectFrom('accounts').select('id').execute()).toEqual([]);
  });

  it('refuses a register request with malformed JSON with 400, not 500', async () => {
    const app = await testServer(database.db);
    const reply = await app.inject({
      method: 'POST',
      url: '/api/auth/register',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect([reply.statusCode, reply.json().error.code]).toEqual([400, 'request.malformed_json']);
  });

  it('treats an unknown session cookie as signed out', async () => {
    const app = await testServer(database.db);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'leitai_session=forged' } });
    expect(me.json()).toEqual({ account: null });
  });

  it('refuses a common password at sign-up with 400 auth.password_weak beside the password field, creating nothing', async () => {
    const app = await testServer(database.db);
    const reply = await app.inject({ method: 'POST', url: '/api/auth/register', payload: { ...alice, password: 'password123' } });
    const message = {
      zh: '密码太容易被猜到。这是常用密码。再加几个不常见的词。',
      en: 'The password is too easy to guess. This is a commonly used password. Add more words that are less common.',
    };
    expect([reply.statusCode, reply.json()]).toEqual([
      400,
      { error: { code: 'auth.password_weak', message, problems: [{ code: 'auth.password_weak', path: 'password', message }] } },
    ]);
    expect(await database.db.selectFrom('accounts').select('id').execute()).toEqual([]);
  });

  it('signs a demo account in only on a server started with --demo (403 auth.demo_account otherwise)', async () => {
    await createAccount(
      database.db,
      { email: 'participant@leitai.demo', password: 'leitai-demo', displayName: '演示参赛者 Demo participant', demo: true },
      testClock,
    );
    const payload = { email: 'participant@leitai.demo', password: 'leitai-demo' };
    const production = await testServer(database.db);
    const refused = await production.inject({ method: 'POST', url: '/api/auth/login', payload });
    expect([refused.statusCode, refused.json(), refused.cookies]).toEqual([
      403,
      {
        error: {
          code: 'auth.demo_account',
          message: { zh: '演示账号只能在演示模式（leitai serve --demo）下登录', en: 'Demo accounts sign in only in demo mode (leitai serve --demo)' },
          problems: [],
        },
      },
      [],
    ]);
    const demo = await testServer(database.db, { config: { demoAccounts: true } });
    expect((await demo.inject({ method: 'POST', url: '/api/auth/login', payload })).statusCode).toBe(200);
  });
});
