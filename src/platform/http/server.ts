/**
 * The HTTP server every feature mounts its routes on: zod schemas validate requests and
 * replies and become the OpenAPI document; the session cookie becomes `request.account`;
 * every error leaves in one JSON shape (error-reply.ts); the built web app is served at `/`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions, type RawServerDefault } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { z } from 'zod';
import { installPasswordHashing } from '../auth/passwords.ts';
import { sessionAccount, type Account } from '../auth/service.ts';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { findUnstorableText } from '../text.ts';
import type { Database } from '../db-types.ts';
import { handleError, handleNotFound, rateLimited } from './error-reply.ts';
import { refuseCrossSiteRequests } from './same-origin.ts';
import { addSecurityHeaders, swaggerUiCsp } from './security-headers.ts';
import { SESSION_COOKIE } from './session-cookie.ts';
import type { PageMetadataOf } from './page-metadata.ts';
import { serveWebApp } from './web-app.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    config: Config;
    clock: Clock;
  }
  interface FastifyRequest {
    /** The signed-in account (from the session cookie), or null. Set for /api routes. */
    account: Account | null;
  }
}

/** The server as routes see it: schemas in zod, request and reply types inferred from them. */
export type LeitaiApp = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

export type RegisterRoutes = (app: LeitaiApp) => Promise<void> | void;

export interface CreateServerOptions {
  db: Kysely<Database>;
  config: Config;
  clock: Clock;
  /** Each feature's routes, mounted after the platform's own. */
  registerRoutes?: RegisterRoutes[];
  /** The built web app (Vite's dist); served at `/` when it holds an index.html. */
  webDist?: string;
  /** The title and share card a page address is sent with (features know their pages; platform does not). */
  pageMetadata?: PageMetadataOf;
  /** Defaults to Fastify's JSON logger at config.logLevel (warn: no line per request), silent when NODE_ENV=test. */
  logger?: FastifyServerOptions['logger'];
}

export async function createServer(options: CreateServerOptions): Promise<LeitaiApp> {
  const { db, config, clock } = options;
  installPasswordHashing(config.passwordHashing);
  const app = Fastify({
    logger: options.logger ?? defaultLogger(config),
    trustProxy: config.trustProxy,
    // A URL that does not decode (e.g. %ED%A0%80, a surrogate's UTF-8) is refused before routing, outside the error handler.
    // handleError sends the reply; what it returns is the reply itself, thenable but nothing to wait for.
    frameworkErrors: (error, request, reply) => void handleError(error, request, reply),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.decorate('db', db);
  app.decorate('config', config);
  app.decorate('clock', clock);
  app.decorateRequest('account', null);

  // Headers first, so a refusal carries them too.
  addSecurityHeaders(app);
  refuseCrossSiteRequests(app, config);
  await app.register(fastifyCookie);
  app.addHook('onRequest', async (request) => {
    // Only API requests need to know who is asking; static files skip the database.
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    request.account = token ? await sessionAccount(db, token, clock) : null;
  });

  app.addHook('preValidation', async (request) => {
    const path = findUnstorableText(request.body) ?? findUnstorableText({ params: request.params, query: request.query });
    if (path !== undefined) throw unstorableText(path.join('.'));
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Leitai (擂台) API',
        description: 'Run public innovation contests end to end from one contest definition.',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', ...swaggerUiCsp });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Whether the server and its database answer',
        response: { 200: healthReply, 503: healthReply },
      },
    },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(db);
        return { ok: true, database: 'ok' as const };
      } catch (error) {
        app.log.error({ err: error }, 'health check: database unavailable');
        return reply.status(503).send({ ok: false, database: 'unavailable' as const });
      }
    },
  );

  // Limits apply only to routes that ask for one (sign-in, sign-up, the registration dry run), and
  // count in this process's memory: servers behind one address do not share their counts.
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => rateLimited(context.ttl),
  });
  for (const register of options.registerRoutes ?? []) await register(app);

  const webApp = options.webDist ? await serveWebApp(app, options.webDist, { pageMetadata: options.pageMetadata }) : undefined;
  app.setNotFoundHandler((request, reply) => (webApp && webApp.isPageRequest(request) ? webApp.sendIndex(request, reply) : handleNotFound(request, reply)));
  return app;
}

/** JSON lines at LOG_LEVEL, whose default (warn) leaves out the line per request (info); none under NODE_ENV=test. */
export const defaultLogger = (config: Config) => config.nodeEnv !== 'test' && { level: config.logLevel };

/** A NUL or lone surrogate, anywhere in a request: no database can store it, so no handler sees it. */
const unstorableText = (path: string) => {
  const message = {
    zh: '请求含有无法保存的字符（NUL 或不成对的代理项）',
    en: 'The request contains a character that cannot be stored (NUL or a lone surrogate)',
  };
  return new AppError('text.invalid_character', message, 400, [{ code: 'text.invalid_character', message, path }]);
};

const healthReply = z.object({ ok: z.boolean(), database: z.enum(['ok', 'unavailable']) });
