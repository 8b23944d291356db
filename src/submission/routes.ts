import { z } from 'zod';
import type { LeitaiApp } from '../platform/http/server.ts';
import { errorReplySchema } from '../platform/http/error-reply.ts';
import { exportDivisionWorks } from './export.ts';
import {
  exportParams,
  exportQuery,
  fieldBody,
  fieldParams,
  fileContentQuery,
  fileParams,
  originalityProgressReply,
  originalityReply,
  worksParams,
  worksReply,
} from './schema.ts';
import { removeSubmissionFile, setWorksField, type UploadLimits } from './service.ts';
import type { WorksStorage } from './storage.ts';
import { createTusServer, UPLOADS_PATH } from './tus.ts';
import { fileReply } from './file-reply.ts';
import { fileToDownload, worksOfEntry } from './works.ts';
import { originalityProgress, originalityReport } from './originality.ts';
import { startSweeping, sweepStorage } from './sweep.ts';
import { requireImage, THUMBNAIL_SIZE, thumbnailOf } from './thumbnail.ts';

const refusals = { 400: errorReplySchema, 401: errorReplySchema, 403: errorReplySchema, 404: errorReplySchema, 409: errorReplySchema, 422: errorReplySchema };
const tags = ['works'];

const tusRoutes: [string, string, string][] = [
  ['POST', UPLOADS_PATH, "tus: create an upload for one requirement of an entry (the entry's leader; quota and window checked here)"],
  ['OPTIONS', UPLOADS_PATH, 'tus: the protocol version, extensions and largest size'],
  ['HEAD', `${UPLOADS_PATH}/:id`, 'tus: how many bytes of the upload the server has (to resume)'],
  ['PATCH', `${UPLOADS_PATH}/:id`, 'tus: send bytes from Upload-Offset; the last reply is { file } with what the probes found and the problems'],
  ['DELETE', `${UPLOADS_PATH}/:id`, 'tus: cancel an unfinished upload (a finished one is kept: 400 upload.finished)'],
  ['OPTIONS', `${UPLOADS_PATH}/:id`, 'tus: the protocol version, extensions and largest size'],
];
const tusDescription =
  'Resumable upload, tus 1.0.0 (https://tus.io/protocols/resumable-upload): headers Tus-Resumable: 1.0.0, Upload-Length, Upload-Offset, ' +
  'Upload-Metadata (base64: registrationId, requirementId, filename). Refusals are the one JSON error shape with upload.* codes.';

/** `sweepEveryMinutes`: sweep expired uploads and refused files' bytes at start-up and then this often (sweep.ts). */
export const submissionRoutes = (options: { storage: WorksStorage; limits: UploadLimits; sweepEveryMinutes?: number }) => async (app: LeitaiApp) => {
  const { storage, limits, sweepEveryMinutes } = options;
  if (sweepEveryMinutes) sweepWhileServing(app, storage, limits, sweepEveryMinutes);
  const actor = (request: { account: Parameters<typeof worksOfEntry>[2]['account'] }) => ({ account: request.account, clock: app.clock });

  // tus: resumable uploads. The protocol's bodies are raw bytes, so the parser leaves them as a stream.
  const tus = createTusServer({
    db: app.db,
    clock: app.clock,
    storage,
    limits,
    logError: (error) => app.log.error({ err: error }, 'upload: unexpected error'),
  });
  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));
  const handleTus = async (request: { raw: import('node:http').IncomingMessage }, reply: { hijack(): void; raw: import('node:http').ServerResponse }) => {
    reply.hijack();
    await tus.handle(request.raw, reply.raw);
  };
  // Each tus method is its own route so the API reference lists them; tus checks the headers itself, so its
  // refusals keep their upload.* codes (a zod header schema would answer request.invalid instead).
  for (const [method, url, summary] of tusRoutes)
    app.route({ method, url, schema: { tags: ['uploads'], summary, description: tusDescription }, handler: handleTus });

  app.get(
    '/api/registrations/:id/works',
    {
      schema: {
        tags,
        summary: "An entry's works as a checklist: each requirement, its files or value, problems and status",
        params: worksParams,
        response: { 200: worksReply, ...refusals },
      },
    },
    async (request) => ({
      works: await worksOfEntry(app.db, request.params.id, actor(request), limits.graceMinutes),
    }),
  );

  app.put(
    '/api/registrations/:id/works/fields/:fieldId',
    {
      schema: {
        tags,
        summary: 'Set a text or link field of the works (length counted in 字)',
        params: fieldParams,
        body: fieldBody,
        response: { 200: worksReply, ...refusals },
      },
    },
    async (request) => {
      await setWorksField(app.db, request.params.id, request.params.fieldId, request.body.value, actor(request));
      return { works: await worksOfEntry(app.db, request.params.id, actor(request), limits.graceMinutes) };
    },
  );

  app.delete(
    '/api/works/files/:fileId',
    {
      schema: {
        tags,
        summary: "Remove a submitted file while its requirement's window is open (kept in the record, audited)",
        params: fileParams,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      await removeSubmissionFile(app.db, request.params.fileId, actor(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/works/files/:fileId/content',
    {
      schema: {
        tags,
        summary:
          "One submitted file (whoever may see its entry: its people, the organisers, its zone's coordinator, its judges); `inline=1` shows a PDF, picture or video in the page; Range requests give 206",
        params: fileParams,
        querystring: fileContentQuery,
      },
    },
    async (request, reply) => {
      const file = await fileToDownload(app.db, request.params.fileId, request.account);
      const answer = fileReply(file, { inline: request.query.inline === '1', range: request.headers.range });
      reply.status(answer.status).headers(answer.headers);
      return reply.send(answer.status === 416 ? null : storage.readStream(file.storage_key, answer.range));
    },
  );

  app.get(
    '/api/works/files/:fileId/thumbnail',
    {
      schema: {
        tags,
        summary: `A submitted image as a JPEG of at most ${THUMBNAIL_SIZE} px a side (whoever may see its entry), cached by the browser`,
        params: fileParams,
      },
    },
    async (request, reply) => {
      const file = await fileToDownload(app.db, request.params.fileId, request.account);
      requireImage(file.media_type);
      // A file's bytes never change under its id, so its id is its version.
      const etag = `"thumb-${file.id}"`;
      reply.header('Cache-Control', 'private, max-age=31536000, immutable');
      reply.header('ETag', etag);
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      reply.header('Content-Type', 'image/jpeg');
      return reply.send(await thumbnailOf(storage.readStream(file.storage_key)));
    },
  );

  app.get(
    '/api/contests/:id/originality',
    {
      schema: {
        tags,
        summary: 'Near-duplicate works across entries, most similar first, both sides described (organisers)',
        params: exportParams,
        response: { 200: originalityReply, ...refusals },
      },
    },
    async (request) => originalityReport(app.db, request.params.id, request.account),
  );

  app.get(
    '/api/contests/:id/originality/progress',
    {
      schema: {
        tags,
        summary: 'How far the originality report being computed is, for a page to poll while it waits (organisers)',
        params: exportParams,
        response: { 200: originalityProgressReply, ...refusals },
      },
    },
    async (request) => originalityProgress(request.params.id, request.account),
  );

  app.get(
    '/api/contests/:id/works.zip',
    {
      schema: {
        tags,
        summary: "All accepted works of a division as one streamed zip, named by the definition's template, with manifest.csv (organisers)",
        params: exportParams,
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const { division, stage } = request.query;
      const { body, fileName } = await exportDivisionWorks(app.db, request.params.id, { divisionId: division, stage }, request.account, storage);
      reply.header('Content-Type', 'application/zip');
      reply.header('Content-Disposition', `attachment; filename="${fileName}"`);
      return reply.send(body);
    },
  );
};

const sweepWhileServing = (app: LeitaiApp, storage: WorksStorage, limits: UploadLimits, everyMinutes: number) => {
  let sweeping: ReturnType<typeof startSweeping> | undefined;
  app.addHook('onReady', async () => {
    sweeping = startSweeping(() => sweepStorage(app.db, storage, app.clock, limits), everyMinutes, {
      done: ({ failures, ...counts }) => {
        if (counts.expiredUploads + counts.purgedFiles > 0) app.log.info(counts, 'storage sweep');
        for (const { key, error } of failures) app.log.error({ err: error, key }, 'storage sweep: could not remove');
      },
      failed: (error) => app.log.error({ err: error }, 'storage sweep failed'),
    });
  });
  app.addHook('onClose', async () => sweeping?.stop());
};
