import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { PageMetadataOf } from './page-metadata.ts';
import { serveWebApp } from './web-app.ts';

const indexHtml = [
  '<!doctype html><html><head>',
  '<title>擂台 Leitai</title>',
  '<meta name="description" content="site" />',
  '<meta property="og:title" content="擂台 Leitai" />',
  '<meta itemprop="image" content="/share.png" />',
  '</head><body><div id="root"></div></body></html>',
].join('\n');
const script = 'console.log("擂台");'.repeat(100);

/** A built web app as Vite writes it: hashed assets with .br and .gz copies, a share image outside assets/. */
const builtApp = () => {
  const root = mkdtempSync(join(tmpdir(), 'leitai-web-'));
  writeFileSync(join(root, 'index.html'), indexHtml);
  writeFileSync(join(root, 'share.png'), 'png');
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'assets', 'index-AbC123.js'), script);
  writeFileSync(join(root, 'assets', 'index-AbC123.js.br'), brotliCompressSync(script));
  writeFileSync(join(root, 'assets', 'index-AbC123.js.gz'), gzipSync(script));
  return root;
};

const serve = async (pageMetadata?: PageMetadataOf, root = builtApp()) => {
  const app = Fastify();
  const webApp = await serveWebApp(app, root, { pageMetadata });
  app.setNotFoundHandler((request, reply) => webApp!.sendIndex(request, reply));
  return app;
};

describe('serving the built web app', () => {
  it('sends a hashed asset brotli-compressed to a browser that accepts it, cached for a year as immutable', async () => {
    const app = await serve();
    const reply = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-encoding']).toBe('br');
    expect(reply.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(reply.headers.vary).toBe('accept-encoding');
    expect(brotliDecompressSync(reply.rawPayload).toString()).toBe(script);
  });

  it('sends gzip to a browser that accepts only gzip, and the file as it is to one that accepts neither', async () => {
    const app = await serve();
    const gzipped = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip' } });
    expect([gzipped.headers['content-encoding'], gunzipSync(gzipped.rawPayload).toString()]).toEqual(['gzip', script]);
    const plain = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'identity' } });
    expect([plain.headers['content-encoding'], plain.body]).toEqual([undefined, script]);
  });

  it('has a browser revalidate index.html and files whose names do not change between builds', async () => {
    const app = await serve();
    const image = await app.inject({ url: '/share.png' });
    expect([image.statusCode, image.headers['cache-control']]).toEqual([200, 'no-cache']);
    const page = await app.inject({ url: '/contests/000' });
    expect([page.statusCode, page.headers['cache-control'], page.headers['content-type']]).toEqual([200, 'no-cache', 'text/html; charset=utf-8']);
  });

  it('sends index.html as it is for a page without metadata of its own', async () => {
    const app = await serve(async () => undefined);
    const page = await app.inject({ url: '/me' });
    expect(page.body).toBe(indexHtml);
  });

  it('writes a page’s title and share card into index.html, escaped, with the image’s address made absolute', async () => {
    const asked: string[] = [];
    const app = await serve(async (path) => {
      asked.push(path);
      return { title: '<script>alert(1)</script> & "赛事" $& · 擂台 Leitai', description: '简介 <b>', image: '/share.png' };
    });
    const page = await app.inject({ url: '/contests/x?from=wechat', headers: { host: 'leitai.example.cn' } });
    expect(asked).toEqual(['/contests/x']);
    const title = '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;赛事&quot; $&amp; · 擂台 Leitai';
    expect(page.body).toBe(
      [
        '<!doctype html><html><head>',
        [
          `<title>${title}</title>`,
          '<meta name="description" content="简介 &lt;b&gt;">',
          '<meta property="og:type" content="website">',
          `<meta property="og:title" content="${title}">`,
          '<meta property="og:description" content="简介 &lt;b&gt;">',
          '<meta property="og:image" content="http://leitai.example.cn/share.png">',
          `<meta itemprop="name" content="${title}">`,
          '<meta itemprop="description" content="简介 &lt;b&gt;">',
          '<meta itemprop="image" content="http://leitai.example.cn/share.png">',
        ].join('\n    '),
        '</head><body><div id="root"></div></body></html>',
      ].join('\n'),
    );
  });

  it('sends the index.html of a build made while the server runs, which names that build’s assets', async () => {
    const root = builtApp();
    const app = await serve(undefined, root);
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>rebuilt</title>');
    expect((await app.inject({ url: '/me' })).body).toBe('<!doctype html><title>rebuilt</title>');
  });

  it('still sends the page, with the site’s own card, when its metadata cannot be read', async () => {
    const app = await serve(async () => {
      throw new Error('database unavailable');
    });
    const page = await app.inject({ url: '/contests/x' });
    expect([page.statusCode, page.body]).toEqual([200, indexHtml]);
  });
});
