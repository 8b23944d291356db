import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { authRoutes } from '../auth/routes.ts';
import { AppError } from '../errors.ts';
import { describeOnDatabases } from '../../../test/support/test-database.ts';
import { loadConfig } from '../config.ts';
import { createServer, defaultLogger, type RegisterRoutes } from './server.ts';
import { testClock, testServer } from '../../../test/support/test-server.ts';

const exampleRoutes: RegisterRoutes = (app) => {
  app.post(
    '/api/examples',
    { schema: { body: z.object({ title: z.string().min(2), members: z.array(z.object({ idNumber: z.string() })) }) } },
    async (request) => ({ title: request.body.title }),
  );
  app.get('/api/refusal', async () => {
    throw new AppError('team.too_large', { zh: '团队人数超过 5 人', en: 'The team has more than 5 members' }, 422, [
      { code: 'team.too_large', path: 'members', rule: 'teamSize', message: { zh: '最多 5 人', en: 'At most 5' } },
    ]);
  });
  app.get('/api/crash', async () => {
    throw new Error('secret connection string postgres://u:p@db');
  });
};

describeOnDatabases('the HTTP server', (database) => {
  it('answers the health check after asking the database', async () => {
    const app = await testServer(database.db);
    const reply = await app.inject({ method: 'GET', url: '/healthz' });
    expect([reply.statusCode, reply.json()]).toEqual([200, { ok: true, database: 'ok' }]);
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const app = await testServer(database.db);
    const reply = await app.inject({ method: 'GET', url: '/api/nothing-here?x=1' });
    expect(reply.statusCode).toBe(404);
    expect(reply.json()).toEqual({
      error: {
        code: 'not_found',
        message: { zh: '未找到 GET /api/nothing-here', en: 'No such route: GET /api/nothing-here' },
        problems: [],
      },
    });
  });

  it('refuses malformed JSON with 400 request.malformed_json', async () => {
    const app = await testServer(database.db, { registerRoutes: [exampleRoutes] });
    const reply = await app.inject({
      method: 'POST',
      url: '/api/examples',
      headers: { 'content-type': 'application/json' },
      payload: '{"title": ',
    });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error.code).toBe('request.malformed_json');
  });

  it("lists every schema violation with its path and a message naming the field, never the validator's words", async () => {
    const app = await testServer(database.db, { registerRoutes: [exampleRoutes] });
    const reply = await app.inject({ method: 'POST', url: '/api/examples', payload: { title: 'x', members: [{}] } });
    expect(reply.statusCode).toBe(400);
    expect(reply.json()).toEqual({
      error: {
        code: 'request.invalid',
        message: { zh: '请求有 2 处不符合要求', en: 'The request has 2 problems' },
        problems: [
          { code: 'too_small', path: 'title', message: { zh: '作品名称至少 2 个字', en: 'The title needs at least 2 characters' } },
          { code: 'invalid_type', path: 'members[0].idNumber', message: { zh: '请填写成员 1 的身份证号', en: "Enter member 1's ID number" } },
        ],
      },
    });
  });

  it("answers a single schema violation with that problem's own message", async () => {
    const app = await testServer(database.db, { registerRoutes: [exampleRoutes] });
    const reply = await app.inject({ method: 'POST', url: '/api/examples', payload: { title: 'x', members: [] } });
    expect(reply.json().error.message).toEqual({ zh: '作品名称至少 2 个字', en: 'The title needs at least 2 characters' });
  });

  it('turns an AppError into its status, code, bilingual message and problems', async () => {
    const app = await testServer(database.db, { registerRoutes: [exampleRoutes] });
    const reply = await app.inject({ method: 'GET', url: '/api/refusal' });
    expect([reply.statusCode, reply.json()]).toEqual([
      422,
      {
        error: {
          code: 'team.too_large',
          message: { zh: '团队人数超过 5 人', en: 'The team has more than 5 members' },
          problems: [{ code: 'team.too_large', path: 'members', rule: 'teamSize', message: { zh: '最多 5 人', en: 'At most 5' } }],
        },
      },
    ]);
  });

  it('answers an unexpected error with 500 internal, logging it but showing nothing of it', async () => {
    const logged: string[] = [];
    const stream = new Writable({ write: (chunk, _encoding, done) => (logged.push(String(chunk)), done()) });
    const loud = await createServer({
      db: database.db,
      config: loadConfig({ NODE_ENV: 'test' }),
      clock: testClock,
      registerRoutes: [exampleRoutes],
      logger: { stream },
    });
    const reply = await loud.inject({ method: 'GET', url: '/api/crash' });
    expect(reply.statusCode).toBe(500);
    expect(reply.json()).toEqual({
      error: {
        code: 'internal',
        message: { zh: '服务器内部错误，请稍后再试', en: 'Internal server error; please try again later' },
        problems: [],
      },
    });
    expect(reply.body).not.toContain('secret');
    expect(logged.some((line) => line.includes('secret connection string'))).toBe(true);
  });

  it('logs no line per request unless LOG_LEVEL asks for info', async () => {
    const linesLogged = async (env: NodeJS.ProcessEnv) => {
      const logged: string[] = [];
      const stream = new Writable({ write: (chunk, _encoding, done) => (logged.push(String(chunk)), done()) });
      const config = loadConfig(env);
      const app = await createServer({ db: database.db, config, clock: testClock, logger: { ...defaultLogger(config), stream } });
      await app.inject({ method: 'GET', url: '/healthz' });
      return logged.map((line) => JSON.parse(line).msg);
    };
    expect(await linesLogged({})).toEqual([]);
    expect(await linesLogged({ LOG_LEVEL: 'info' })).toEqual(['incoming request', 'request completed']);
  });

  it('mounts no feature routes of its own, not even the account routes: the composition root registers them', async () => {
    const app = await testServer(database.db);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(404);
  });

  it('publishes an OpenAPI document listing the routes', async () => {
    const app = await testServer(database.db, { registerRoutes: [authRoutes, exampleRoutes] });
    const reply = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    const document = reply.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths).sort()).toEqual([
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/me',
      '/api/auth/register',
      '/api/crash',
      '/api/examples',
      '/api/refusal',
      '/healthz',
    ]);
    expect(document.paths['/api/auth/register'].post.requestBody.content['application/json'].schema.required).toEqual(['email', 'password', 'displayName']);
  });

  it('shows a readable API reference at /api/docs', async () => {
    const app = await testServer(database.db);
    const reply = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toContain('text/html');
  });

  it('serves the web app, with index.html for page addresses but not for /api or missing files', async () => {
    const webDist = mkdtempSync(join(tmpdir(), 'leitai-web-'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>擂台</title>');
    mkdirSync(join(webDist, 'assets'));
    writeFileSync(join(webDist, 'assets', 'app.js'), 'console.log(1)');
    const app = await testServer(database.db, { webDist });
    const page = await app.inject({ method: 'GET', url: '/contests/000/register' });
    expect([page.statusCode, page.body]).toEqual([200, '<!doctype html><title>擂台</title>']);
    const root = await app.inject({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(200);
    const asset = await app.inject({ method: 'GET', url: '/assets/app.js' });
    expect([asset.statusCode, asset.body]).toEqual([200, 'console.log(1)']);
    const missingAsset = await app.inject({ method: 'GET', url: '/assets/gone.js' });
    expect(missingAsset.json().error.code).toBe('not_found');
    const api = await app.inject({ method: 'GET', url: '/api/unknown' });
    expect([api.statusCode, api.json().error.code]).toEqual([404, 'not_found']);
  });
});
