/**
 * Cross-site request forgery: the session cookie goes with any request the browser makes to us,
 * so a page elsewhere could post a form or fetch that withdraws an entry. SameSite=Lax keeps the
 * cookie off cross-site posts, but not off same-site ones: a page on another port of the same
 * host, or on a sibling subdomain, is "same site". So every request that can change state must
 * come from one of our own pages, as the browser itself reports it (Sec-Fetch-Site, then Origin).
 * Requests with neither header are not from a browser page (curl, the CLI, scripts) and carry no
 * ambient cookie of a victim, so they pass.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SameOriginSettings {
  /** Origins besides the request's own host whose pages may change state (LEITAI_ALLOWED_ORIGINS). */
  allowedOrigins: readonly string[];
}

/** Whether this request may change state: see the module's comment. */
export function isSameOriginRequest(request: FastifyRequest, settings: SameOriginSettings): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const site = single(request.headers['sec-fetch-site']);
  // "none": the person typed the address or used a bookmark; no other page is involved.
  if (site === 'same-origin' || site === 'none') return true;
  const origin = single(request.headers.origin);
  if (origin !== undefined && isOwnOrigin(origin, request, settings)) return true;
  return site === undefined && origin === undefined;
}

/** Our own host as the request reached us (Host, or X-Forwarded-Host behind a trusted proxy), or a configured origin. */
function isOwnOrigin(origin: string, request: FastifyRequest, settings: SameOriginSettings): boolean {
  if (settings.allowedOrigins.includes(origin)) return true;
  if (!URL.canParse(origin)) return false; // includes "null": sandboxed frames, file: pages
  const { protocol, host } = new URL(origin);
  // Parsed with the origin's scheme, so "host:80" and "host" compare equal for http.
  const own = `${protocol}//${request.host}`;
  return URL.canParse(own) && new URL(own).host === host;
}

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export const crossSiteRefused = () =>
  new AppError(
    'request.cross_site',
    {
      zh: '此操作只能在本站页面上进行，来自其他网站的请求已被拒绝',
      en: 'This action can only be taken from this site’s own pages; a request from another site was refused',
    },
    403,
  );

/** Refuses (403 request.cross_site) every state-changing request that is not from our own pages, before any route runs. */
export function refuseCrossSiteRequests(app: FastifyInstance<any, any, any, any, any>, settings: SameOriginSettings): void {
  app.addHook('onRequest', async (request) => {
    if (!isSameOriginRequest(request, settings)) throw crossSiteRefused();
  });
}
