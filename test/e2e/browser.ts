import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

export const phone = { width: 390, height: 844 };
export const desktop = { width: 1280, height: 900 };

const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));

/** Full-page screenshots of the page as it is, at phone and desktop width, into test-results/. */
export const screenshots = async (page: Page, name: string) => {
  await mkdir(resultsDir, { recursive: true });
  const before = page.viewportSize();
  for (const [label, size] of [
    ['phone', phone],
    ['desktop', desktop],
  ] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${resultsDir}${name}-${label}.png`, fullPage: true });
  }
  if (before) await page.setViewportSize(before);
};

/** A valid 居民身份证号 (GB 11643 check character) for a birth date and sequence number. */
export const idNumber = (birth: string, sequence: number) => {
  const body = `110105${birth}${String(sequence).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(body[i]), 0);
  return `${body}${'10X98765432'[sum % 11]}`;
};

/** A form field by its name, which is the request path it fills (`members.0.name`). */
export const fieldOf = (page: Page, name: string) => page.locator(`[name="${name}"]`);

type Credentials = { email: string; password: string };

/** Signs in with these credentials on the login page, landing on `next`. */
export const signIn = async (page: Page, credentials: Credentials, next: string) => {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await fieldOf(page, 'email').fill(credentials.email);
  await fieldOf(page, 'password').fill(credentials.password);
  await page.getByTestId('login-form-submit').click();
  await page.waitForURL(`**${next}`);
};

/** Signs out whoever is signed in and signs in with these credentials, landing on `next`. */
export const signInAs = async (page: Page, credentials: Credentials, next: string) => {
  await page.getByTestId('nav-logout').click();
  await page.getByTestId('nav-login').waitFor();
  await page.setViewportSize(desktop);
  await signIn(page, credentials, next);
};

type ApiReply = { ok: () => boolean; status: () => number; text: () => Promise<string>; json: () => Promise<unknown> };

/** The JSON of an API reply made through a page's request context; a refusal fails the test with its body. */
export const okJson = async <T>(reply: Promise<ApiReply>): Promise<T> => {
  const r = await reply;
  if (!r.ok()) throw new Error(`${r.status()} ${await r.text()}`);
  return (await r.json()) as T;
};

/**
 * Pages of their own (each its own cookies: a person of the test) on one browser, in Chinese, at phone
 * size unless told; `closeAll` closes every context opened.
 */
export const pagesOf = (browser: () => Browser, baseURL: () => string) => {
  const contexts: BrowserContext[] = [];
  return {
    newPage: async (viewport = phone): Promise<Page> => {
      const context = await browser().newContext({ viewport, locale: 'zh-CN', baseURL: baseURL() });
      contexts.push(context);
      return context.newPage();
    },
    closeAll: async () => {
      for (const context of contexts.splice(0)) await context.close();
    },
  };
};
