/**
 * Serves the built web app. It is a single-page app: a page address such as
 * `/contests/000/register` is not a file, so it gets index.html and the app's router takes over.
 * Addresses under /api, and addresses that look like files (`/assets/x.js`), are never pages:
 * a missing one is a real 404.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface WebApp {
  isPageRequest(request: FastifyRequest): boolean;
  sendIndex(reply: FastifyReply): FastifyReply;
}

export async function serveWebApp(app: FastifyInstance<any, any, any, any, any>, webDist: string): Promise<WebApp | undefined> {
  const root = resolve(webDist);
  if (!existsSync(join(root, 'index.html'))) {
    app.log.warn(`No web app at ${root} (run npm run build:web); serving the API only.`);
    return undefined;
  }
  await app.register(fastifyStatic, { root, wildcard: true });
  return {
    isPageRequest(request) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      const path = request.url.split('?')[0];
      if (path === '/api' || path.startsWith('/api/')) return false;
      const lastSegment = path.slice(path.lastIndexOf('/') + 1);
      return !lastSegment.includes('.');
    },
    // index.html names the hashed assets of the current build: never let a browser keep an old one.
    sendIndex: (reply) => reply.header('cache-control', 'no-cache').sendFile('index.html', root),
  };
}
