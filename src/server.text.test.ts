import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openSession } from './platform/auth/service.ts';
import type { LeitaiApp } from './platform/http/server.ts';
import { testServer } from '../test/support/test-server.ts';
import { describeOnDatabases } from '../test/support/test-database.ts';
import { registerEntry } from './registration/service.ts';
import { during, newAccount, person, publishSeed, seeds, socialTeam } from '../test/support/test-fixtures.ts';
import { allRoutes } from './server.ts';
import { loadConfig } from './platform/config.ts';

let app: LeitaiApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Text no database stores: each must be refused with a 4xx before any handler runs (in a URL, %ED%A0%80 is a surrogate's UTF-8). */
const unstorable = { nul: 'a\u0000b', loneSurrogate: 'a\ud800b' };

describeOnDatabases('free text in every request', (database) => {
  const start = async () => {
    const config = { ...loadConfig({ NODE_ENV: 'test' }), dataDir: await mkdtemp(join(tmpdir(), 'leitai-text-')) };
    app = await testServer(database.db, { clock: during['000'], config, registerRoutes: allRoutes(config) });
    await publishSeed(database.db, '000');
    const account = await newAccount(database.db, '参赛者1');
    const registration = await registerEntry(database.db, seeds['000'].id, socialTeam(1), { account, clock: during['000'] });
    const { token } = await openSession(database.db, account.id, during['000']);
    return { app, cookie: `leitai_session=${token}`, registration };
  };

  it('answers every API route a 4xx with a code, never a 500, for a NUL or lone surrogate in a path parameter or the body', async () => {
    const { app, cookie } = await start();
    await app.ready();
    const document = app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ path, method: method.toUpperCase() })));
    expect(routes.length).toBeGreaterThan(15);
    const answers: string[] = [];
    for (const { path, method } of routes) {
      for (const [param, text] of [
        ['AB%00CD', unstorable.nul],
        ['%ED%A0%80', unstorable.loneSurrogate],
      ]) {
        const withParams = path.replace(/\{[^}]+\}/g, param);
        const body =
          method === 'GET' || method === 'DELETE'
            ? undefined
            : { title: text, name: text, [text]: 1, value: text, displayName: text, email: text, password: text };
        const reply = await app.inject({ method: method as 'POST', url: path.includes('{') ? withParams : path, headers: { cookie }, payload: body });
        answers.push(`${method} ${path} ${reply.statusCode} ${reply.statusCode >= 500 ? reply.body : ''}`);
        const code: unknown = reply.statusCode < 400 ? 'ok' : method === 'HEAD' ? (reply.headers['x-error-code'] ?? 'head') : reply.json().error?.code;
        if (typeof code !== 'string' || !/^[a-z_.]+$/.test(code)) answers.push(`${method} ${path} without a code: ${reply.body}`);
      }
    }
    expect(answers.filter((answer) => / 5\d\d |without a code/.test(answer))).toEqual([]);
  });

  it('refuses a sign-up whose display name holds a NUL, without signing in', async () => {
    const { app } = await start();
    const reply = await app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'x@example.com', password: 'a long enough password 2025', displayName: 'a\u0000b' },
    });
    expect([reply.statusCode, reply.json().error.code, reply.json().error.problems[0]]).toEqual([
      400,
      'text.invalid_character',
      expect.objectContaining({ code: 'text.invalid_character', path: 'displayName' }),
    ]);
  });

  it('answers an invitation code holding a NUL with a 4xx, not a database error', async () => {
    const { app } = await start();
    const reply = await app.inject({ method: 'GET', url: '/api/invitations/AB%00CDEFGH' });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error.code).toBe('text.invalid_character');
  });

  it('refuses a title made only of zero-width spaces as empty, and stores a decomposed title composed (NFC) and trimmed', async () => {
    const { app, cookie } = await start();
    const url = `/api/contests/${seeds['000'].id}/registrations`;
    const invisible = await app.inject({ method: 'POST', url, headers: { cookie }, payload: { ...socialTeam(1), title: '\u200b\u200b\u2060' } });
    expect([invisible.statusCode, invisible.json().error.problems]).toEqual([400, [expect.objectContaining({ code: 'text.empty', path: 'title' })]]);
    const override = await app.inject({ method: 'POST', url, headers: { cookie }, payload: { ...socialTeam(1), title: '社保卡\u202E应用' } });
    expect(override.json().error.problems[0]).toMatchObject({ code: 'text.invalid_character', path: 'title' });
    const other = await newAccount(database.db, '参赛者9');
    const { token } = await openSession(database.db, other.id, during['000']);
    const composed = await app.inject({
      method: 'POST',
      url,
      headers: { cookie: `leitai_session=${token}` },
      payload: { ...socialTeam(1, 9), leader: person(8), title: ' Cafe\u0301 智慧应用\u200b ' },
    });
    expect(composed.statusCode).toBe(201);
    expect(composed.json().registration.title).toBe('Caf\u00e9 智慧应用');
  });
});
