/**
 * An S3 server for tests: s3rver (an S3 emulator) in this process on 127.0.0.1 and a free port,
 * storing in a temporary directory, with one bucket.
 *
 * s3rver 3.7.1 implements the multipart calls @tus/s3-store makes (CreateMultipartUpload, UploadPart,
 * CompleteMultipartUpload) except ListParts: `GET /<bucket>/<key>?uploadId=…` answers 405
 * MethodNotAllowed (ResourceType UPLOADID), and @tus/s3-store lists the parts at every write and HEAD.
 * `listParts` below answers it from the parts s3rver keeps on disk (uploads/<upload id>/<n> and
 * <n>.md5), as S3 documents the reply, NoSuchUpload once the upload is completed or unknown.
 * AbortMultipartUpload (`DELETE /<bucket>/<key>?uploadId=…`) answers 405 the same way: `abortMultipart`
 * below deletes those parts, 204 as S3 answers, NoSuchUpload for a completed or unknown upload.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { s3Storage, type S3StorageOptions } from '../../src/submission/storage/s3.ts';

const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
const escape = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

export const startS3rver = async (bucket = 'leitai-test') => {
  const directory = await mkdtemp(join(tmpdir(), 'leitai-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });

  const uploadDirOf = (uploadId: string) => join(server.store.getResourcePath(bucket, undefined, 'uploads'), uploadId);
  const noSuchUpload = (ctx: { status: number; type: string; body: unknown }, uploadId: string) => {
    ctx.status = 404;
    ctx.type = 'application/xml';
    ctx.body = xml(`<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message><UploadId>${escape(uploadId)}</UploadId></Error>`);
  };

  server.middleware.unshift(async function abortMultipart(ctx, next) {
    const uploadId = ctx.query.uploadId;
    if (ctx.method !== 'DELETE' || typeof uploadId !== 'string' || ctx.path.split('/')[1] !== bucket) return next();
    const uploadDir = uploadDirOf(uploadId);
    if (!(await stat(uploadDir).catch(() => undefined))) return noSuchUpload(ctx, uploadId);
    await rm(uploadDir, { recursive: true, force: true });
    ctx.status = 204;
  });

  server.middleware.unshift(async function listParts(ctx, next) {
    const uploadId = ctx.query.uploadId;
    const [, name, ...key] = ctx.path.split('/');
    if (ctx.method !== 'GET' || uploadId === undefined || name !== bucket) return next();
    const uploadDir = uploadDirOf(uploadId);
    const files = await readdir(uploadDir).catch(() => undefined);
    ctx.type = 'application/xml';
    if (!files) return noSuchUpload(ctx, uploadId);
    const numbers = files
      .filter((f) => /^\d+$/.test(f))
      .map(Number)
      .sort((a, b) => a - b);
    const parts = await Promise.all(
      numbers.map(async (n) => {
        const [size, md5] = await Promise.all([stat(join(uploadDir, String(n))).then((s) => s.size), readFile(join(uploadDir, `${n}.md5`), 'utf8')]);
        return `<Part><PartNumber>${n}</PartNumber><ETag>"${md5}"</ETag><Size>${size}</Size></Part>`;
      }),
    );
    ctx.status = 200;
    ctx.body = xml(
      `<ListPartsResult><Bucket>${bucket}</Bucket><Key>${escape(decodeURIComponent(key.join('/')))}</Key><UploadId>${escape(uploadId)}</UploadId><IsTruncated>false</IsTruncated>${parts.join('')}</ListPartsResult>`,
    );
  });

  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const options = (prefix = ''): S3StorageOptions => ({
    bucket,
    endpoint,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
    prefix,
  });
  return {
    endpoint,
    bucket,
    /** Where s3rver keeps the bucket's objects on disk, to look at what was stored under which key. */
    directory: join(directory, bucket),
    options,
    storage: (prefix = '') => s3Storage(options(prefix)),
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
};
