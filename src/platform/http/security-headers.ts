/**
 * Security headers on every reply (helmet): a Content-Security-Policy the built web app runs
 * under with nothing inline, so an injected <script> or event handler attribute does not run;
 * no framing by other sites (clickjacking); nosniff; no referrer to other sites.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * The web app loads its own scripts, styles and fonts, talks to its own API (fetch, tus uploads),
 * and shows images and videos from the API, previews of files still on the person's device
 * (blob:) and the inline SVG icon (data:). A form posts only here.
 */
export const contentSecurityPolicy = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    connectSrc: ["'self'"],
    fontSrc: ["'self'", 'data:'],
    formAction: ["'self'"],
    frameAncestors: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    mediaSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'"],
  },
};

/**
 * Helmet's headers for our options, worked out once. @fastify/helmet builds a new helmet for every
 * request (parsing the policy again, about a tenth of a vote's CPU); ours do not depend on the
 * request, so one set is sent with every reply.
 */
function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const collect = {
    setHeader: (name: string, value: string | number) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  } as unknown as ServerResponse;
  // Helmet's own upgrade-insecure-requests is left out: the demo and intranet servers speak plain
  // http, where it would send every asset request to an https port that is not there.
  helmet({ contentSecurityPolicy, referrerPolicy: { policy: 'same-origin' } })({} as IncomingMessage, collect, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

export function addSecurityHeaders(app: FastifyInstance<any, any, any, any, any>): void {
  const headers = securityHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}

/**
 * Swagger UI (/api/docs) sets its own policy (@fastify/swagger-ui's staticCSP). Its bundle injects
 * <style> elements, so its styles may be inline; its scripts may not. The upgrade directive is
 * taken out for the reason above.
 */
export const swaggerUiCsp = {
  staticCSP: true,
  transformStaticCSP: (header: string) =>
    header.replace(/\s*upgrade-insecure-requests;?/, '').replace("style-src 'self' https:", "style-src 'self' https: 'unsafe-inline'"),
};
