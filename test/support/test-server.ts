/** A server on the shared test database, for `app.inject` tests of any feature's routes. */
import type { Kysely } from 'kysely';
import { fixedClock, type Clock } from '../../src/platform/clock.ts';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import type { Database } from '../../src/platform/db-types.ts';
import type { PageMetadataOf } from '../../src/platform/http/page-metadata.ts';
import { createServer, type LeitaiApp, type RegisterRoutes } from '../../src/platform/http/server.ts';

export interface TestServerOptions {
  registerRoutes?: RegisterRoutes[];
  clock?: Clock;
  config?: Partial<Config>;
  webDist?: string;
  pageMetadata?: PageMetadataOf;
}

export const testClock = fixedClock('2025-09-01T08:00:00+08:00');

export function testServer(db: Kysely<Database>, options: TestServerOptions = {}): Promise<LeitaiApp> {
  return createServer({
    db,
    config: { ...loadConfig({ NODE_ENV: 'test' }), ...options.config },
    clock: options.clock ?? testClock,
    registerRoutes: options.registerRoutes,
    webDist: options.webDist,
    pageMetadata: options.pageMetadata,
    logger: false,
  });
}

/** The `name=value` of the session cookie a reply set, to send back on the next request. */
export function sessionCookieOf(reply: { cookies: { name: string; value: string }[] }): string {
  const cookie = reply.cookies.find((c) => c.name === 'leitai_session');
  if (!cookie) throw new Error('The reply set no session cookie');
  return `leitai_session=${cookie.value}`;
}
