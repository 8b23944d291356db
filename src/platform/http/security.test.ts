import { expect, it } from 'vitest';
import { z } from 'zod';
import { describeOnDatabases } from '../../../test/support/test-database.ts';
import type { RegisterRoutes } from './server.ts';
import { testServer } from '../../../test/support/test-server.ts';

const routes: RegisterRoutes = (app) => {
  app.post('/api/examples/:id/withdraw', { schema: { params: z.object({ id: z.string() }) } }, async (request) => ({ withdrawn: request.params.id }));
  app.delete('/api/examples/:id', async () => ({ deleted: true }));
  app.get('/api/examples', async () => ({ ok: true }));
  app.get('/api/client', { config: { rateLimit: { max: 1, timeWindow: '1 minute' } } }, async (request) => ({ ip: request.ip }));
};

const host = 'leitai.example.cn';
const crossSite = {
  error: {
    code: 'request.cross_site',
    message: {
      zh: '此操作只能在本站页面上进行，来自其他网站的请求已被拒绝',
      en: 'This action can only be taken from this site’s own pages; a request from another site was refused',
    },
    problems: [],
  },
};

describeOnDatabases('the server’s defences', (database) => {
  it('refuses a state-changing request from another page of the same host or site with 403 request.cross_site, before any route', async () => {
    const app = await testServer(database.db, { registerRoutes: [routes] });
    const attempts = [
      { method: 'POST', url: '/api/examples/r1/withdraw', headers: { host, origin: 'http://leitai.example.cn:8081', 'sec-fetch-site': 'same-site' } },
      { method: 'POST', url: '/api/examples/r1/withdraw', headers: { host, origin: 'http://leitai.example.cn:8081' } },
      { method: 'DELETE', url: '/api/examples/r1', headers: { host, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } },
      { method: 'PATCH', url: '/api/uploads/upload-1', headers: { host, 'sec-fetch-site': 'cross-site' } },
      { method: 'POST', url: '/api/examples/r1/withdraw', headers: { host, origin: 'null' } },
    ] as const;
    for (const attempt of attempts) {
      const reply = await app.inject(attempt);
      expect([attempt.method, attempt.url, reply.statusCode, reply.json(), reply.headers['x-content-type-options']]).toEqual([
        attempt.method,
        attempt.url,
        403,
        crossSite,
        'nosniff',
      ]);
    }
  });

  it('accepts state changes from its own pages, from a configured origin and from clients that are not browsers, and reads from anywhere', async () => {
    const app = await testServer(database.db, { registerRoutes: [routes], config: { allowedOrigins: ['https://www.leitai.example.cn'] } });
    const accepted = [
      { method: 'POST', url: '/api/examples/r1/withdraw', headers: { host, origin: `http://${host}`, 'sec-fetch-site': 'same-origin' } },
      { method: 'POST', url: '/api/examples/r1/withdraw', headers: { host: `${host}:80`, origin: `http://${host}` } },
      { method: 'POST', url: '/api/examples/r1/withdraw', headers: { host, 'sec-fetch-site': 'none' } },
      { method: 'POST', url: '/api/examples/r1/withdraw', headers: { host, origin: 'https://www.leitai.example.cn', 'sec-fetch-site': 'same-site' } },
      { method: 'POST', url: '/api/examples/r1/withdraw', headers: { host } },
      { method: 'GET', url: '/api/examples', headers: { host, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } },
    ] as const;
    for (const request of accepted) expect([request.headers, (await app.inject(request)).statusCode]).toEqual([request.headers, 200]);
  });

  it('ignores X-Forwarded-For unless LEITAI_TRUST_PROXY names the proxy, so a client cannot pick the address its rate limit counts', async () => {
    const direct = await testServer(database.db, { registerRoutes: [routes] });
    const spoof = (forwardedFor: string) => ({
      method: 'GET' as const,
      url: '/api/client',
      remoteAddress: '10.1.2.3',
      headers: { 'x-forwarded-for': forwardedFor },
    });
    expect((await direct.inject(spoof('203.0.113.9'))).json()).toEqual({ ip: '10.1.2.3' });
    expect((await direct.inject(spoof('203.0.113.10'))).statusCode).toBe(429);

    const proxied = await testServer(database.db, { registerRoutes: [routes], config: { trustProxy: ['10.0.0.0/8'] } });
    expect((await proxied.inject(spoof('203.0.113.9'))).json()).toEqual({ ip: '203.0.113.9' });
    expect((await proxied.inject(spoof('203.0.113.10'))).json()).toEqual({ ip: '203.0.113.10' });
    expect((await proxied.inject(spoof('203.0.113.10'))).statusCode).toBe(429);
  });

  it('sends a content security policy with nothing inline, no framing by other sites, nosniff and a same-origin referrer', async () => {
    const app = await testServer(database.db, { registerRoutes: [routes] });
    const reply = await app.inject({ method: 'GET', url: '/api/examples' });
    expect(reply.headers['content-security-policy']).toBe(
      "default-src 'self';base-uri 'self';connect-src 'self';font-src 'self' data:;form-action 'self';frame-ancestors 'self';img-src 'self' data: blob:;media-src 'self' blob:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self'",
    );
    expect([reply.headers['x-frame-options'], reply.headers['x-content-type-options'], reply.headers['referrer-policy']]).toEqual([
      'SAMEORIGIN',
      'nosniff',
      'same-origin',
    ]);
  });

  it('gives the API reference Swagger UI’s own policy, with the inline styles its bundle injects and no upgrade to https that a plain-http server cannot answer', async () => {
    const app = await testServer(database.db);
    expect((await app.inject({ method: 'GET', url: '/api/docs/' })).headers['content-security-policy']).toBe(
      "default-src 'self'; base-uri 'self'; font-src 'self' https: data:; frame-ancestors 'self'; img-src 'self' data: validator.swagger.io; object-src 'none'; script-src 'self' ; script-src-attr 'none'; style-src 'self' https: 'unsafe-inline' ;",
    );
  });
});
