/**
 * Serves the built web app. It is a single-page app: a page address such as
 * `/contests/000/register` is not a file, so it gets index.html and the app's router takes over.
 * Addresses under /api, and addresses that look like files (`/assets/x.js`), are never pages:
 * a missing one is a real 404.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { withPageMetadata, type PageMetadataOf } from './page-metadata.ts';

export interface WebApp {
  isPageRequest(request: FastifyRequest): boolean;
  sendIndex(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply>;
}

/** Vite names every file under assets/ by its content's hash, so a browser may keep it for good. */
const hashedAssetCache = 'public, max-age=31536000, immutable';
// index.html names the hashed assets of the current build, and files outside assets/ keep their
// names across builds: a browser revalidates them (ETag) before using a copy.
const revalidate = 'no-cache';

export async function serveWebApp(
  app: FastifyInstance<any, any, any, any, any>,
  webDist: string,
  options: { pageMetadata?: PageMetadataOf } = {},
): Promise<WebApp | undefined> {
  const root = resolve(webDist);
  if (!existsSync(join(root, 'index.html'))) {
    app.log.warn(`No web app at ${root} (run npm run build:web); serving the API only.`);
    return undefined;
  }
  // The build writes .br and .gz beside each large file (web/vite.config.ts); those are sent
  // to browsers that accept them, so nothing is compressed per request.
  await app.register(fastifyStatic, {
    root,
    wildcard: true,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (res, path) => {
      res.setHeader('cache-control', relative(root, path).startsWith(`assets${sep}`) ? hashedAssetCache : revalidate);
      res.setHeader('vary', 'accept-encoding');
    },
  });
  return {
    isPageRequest(request) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      const path = request.url.split('?')[0];
      if (path === '/api' || path.startsWith('/api/')) return false;
      const lastSegment = path.slice(path.lastIndexOf('/') + 1);
      return !lastSegment.includes('.');
    },
    async sendIndex(request, reply) {
      const metadata = await options.pageMetadata?.(request.url.split('?')[0]).catch((error: unknown) => {
        // The page still works without its share card: the app loads its own data.
        request.log.warn({ err: error }, 'page metadata unavailable');
        return undefined;
      });
      const origin = `${request.protocol}://${request.host}`;
      // Read each time, as a rebuild while the server runs replaces it (and the assets it names).
      const indexHtml = await readFile(join(root, 'index.html'), 'utf8');
      return reply
        .header('cache-control', revalidate)
        .type('text/html; charset=utf-8')
        .send(metadata ? withPageMetadata(indexHtml, metadata, origin) : indexHtml);
    },
  };
}
