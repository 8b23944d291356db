import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISER, DEMO_PARTICIPANT } from '../../src/demo/service.ts';
import { desktop, fieldOf, launchBrowser } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

/**
 * The browser's side of the defences: a page on another port of the same host (same site, so
 * SameSite=Lax still sends the session cookie) cannot withdraw an entry; the built web app and the
 * API reference run under their Content-Security-Policy without a single violation; the sign-in
 * page does not follow a `next` that leaves the site.
 */
describe('defences in the browser', () => {
  let server: RunningServer;
  let attacker: Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const violations: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: desktop, locale: 'zh-CN', baseURL: server.url });
    // Both the DOM event and the console line, so a violation is caught whichever way it shows.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`),
      );
    });
    page = await context.newPage();
    page.on('console', (message) => {
      if (/Content.Security.Policy|CSP violation/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
    });
    // An error thrown because the policy refused something (eval, an inline handler) counts; a fetch the
    // browser aborts while the test navigates away is not the policy's doing.
    page.on('pageerror', (error) => {
      if (/Content.Security.Policy|Refused to/i.test(error.message)) violations.push(`${page.url()}: ${error.message}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (attacker ? attacker.close(resolve) : resolve(undefined)));
    await server?.stop();
  });

  const signIn = async (credentials: { email: string; password: string }) => {
    const reply = await context.request.post('/api/auth/login', { data: { email: credentials.email, password: credentials.password } });
    expect(reply.status()).toBe(200);
  };

  const myActiveRegistration = async () => {
    const { registrations } = (await (await context.request.get('/api/me/registrations')).json()) as { registrations: { id: string; status: string }[] };
    const active = registrations.find((r) => r.status === 'active');
    if (!active) throw new Error('the demo participant has no active registration');
    return active.id;
  };

  it('keeps an entry active when a page on another port of the same host posts its withdrawal', async () => {
    await signIn(DEMO_PARTICIPANT);
    const id = await myActiveRegistration();
    const withdraw = `${server.url}/api/registrations/${id}/withdraw`;
    // A no-body fetch (what the web app itself sends) and then a plain form post, both with the cookie.
    const html = `<!doctype html><title>prize draw</title>
      <form id="f" method="post" action="${withdraw}"></form>
      <script>
        fetch(${JSON.stringify(withdraw)}, { method: 'POST', credentials: 'include', mode: 'no-cors' })
          .finally(() => document.getElementById('f').submit());
      </script>`;
    attacker = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(html));
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    const attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;

    await page.goto(attackerUrl);
    await page.waitForURL(withdraw);
    const after = (await (await context.request.get(`/api/registrations/${id}`)).json()) as { registration: { status: string } };
    expect(after.registration.status).toBe('active');
    expect(JSON.parse((await page.textContent('body')) ?? '')).toMatchObject({ error: { code: 'request.cross_site' } });
  });

  it('withdraws from the app’s own page, so the defence stops only other pages', async () => {
    const id = await myActiveRegistration();
    await page.goto('/me');
    const status = await page.evaluate(async (url) => (await fetch(url, { method: 'POST' })).status, `/api/registrations/${id}/withdraw`);
    expect(status).toBe(200);
  });

  it('runs every main page and the API reference with no Content-Security-Policy violation', async () => {
    const { contests } = (await (await context.request.get('/api/contests')).json()) as { contests: { id: string; editionOf: string | null }[] };
    const current = contests.find((c) => c.editionOf !== null) ?? contests[0];
    const visit = async (path: string, ready: string) => {
      await page.goto(path);
      await page.locator(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
    };
    await visit('/', '[data-testid^="contest-card-"]');
    await visit(`/contests/${current.id}`, '[data-testid="contest-page"]');
    await visit('/me', '[data-testid="my-registrations"]');
    const { registrations } = (await (await context.request.get('/api/me/registrations')).json()) as { registrations: { id: string }[] };
    await visit(`/registrations/${registrations[0].id}/works`, '[data-testid="works-page"]');
    await signIn(DEMO_ORGANISER);
    await visit(`/organiser/contests/${current.id}`, '[data-testid="registration-filters"]');
    await visit('/api/docs/', '.swagger-ui .info');
    expect(violations).toEqual([]);
  });

  it('signs in and stays on the site when next points elsewhere with a backslash', async () => {
    await context.clearCookies();
    await page.goto(`/login?next=${encodeURIComponent('/\\evil.example')}`);
    await fieldOf(page, 'email').fill(DEMO_PARTICIPANT.email);
    await fieldOf(page, 'password').fill(DEMO_PARTICIPANT.password);
    await page.getByTestId('login-form-submit').click();
    await page.waitForURL(`${server.url}/me`);
    expect(new URL(page.url()).host).toBe(new URL(server.url).host);
  });
});
