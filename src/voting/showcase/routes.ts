/** The showcase of a public vote: its entries, one entry's works, and their files for the public. */
import { documentedRoutes } from '../../platform/http/route-schema.ts';
import type { LeitaiApp } from '../../platform/http/server.ts';
import { fileReply } from '../../submission/file-reply.ts';
import type { WorksStorage } from '../../submission/storage.ts';
import { requireImage, thumbnailOf } from '../../submission/thumbnail.ts';
import { phaseParams } from '../schema.ts';
import { createVotePhases } from '../vote-phase.ts';
import { presentShowcase, presentShowcaseEntry } from './presenter.ts';
import { showcaseEntryParams, showcaseEntryReply, showcaseFileParams, showcaseFileQuery, showcaseQuery, showcaseReply } from './schema.ts';
import { showcaseEntry, showcaseFile, showcaseOf } from './service.ts';

const documented = documentedRoutes('voting', [400, 403, 404]);

export const showcaseRoutes = (options: { storage: WorksStorage }) => async (app: LeitaiApp) => {
  const { storage } = options;
  const phases = createVotePhases(app.db);
  const reader = (request: { account: Parameters<typeof showcaseOf>[5]['account'] }) => ({ account: request.account, at: app.clock.now() });
  const entryPath = '/api/contests/:id/phases/:phaseId/showcase/:entryId';

  app.get(
    '/api/contests/:id/phases/:phaseId/showcase',
    documented(
      "The entries of a public vote, of one division when asked, with their cover pictures (anyone, once the vote opens; the contest's organisers before)",
      { params: phaseParams, querystring: showcaseQuery, response: { 200: showcaseReply } },
    ),
    async (request) => presentShowcase(await showcaseOf(app.db, phases, request.params.id, request.params.phaseId, request.query.division, reader(request))),
  );

  app.get(
    entryPath,
    documented('One entry of a public vote with its works: accepted files (to show in the page) and field values', {
      params: showcaseEntryParams,
      response: { 200: showcaseEntryReply },
    }),
    async (request) =>
      presentShowcaseEntry(await showcaseEntry(app.db, phases, request.params.id, request.params.phaseId, request.params.entryId, reader(request))),
  );

  app.get(
    `${entryPath}/files/:fileId`,
    documented('A file of an entry of a public vote; `inline=1` shows a PDF, picture or video in the page; Range requests give 206', {
      params: showcaseFileParams,
      querystring: showcaseFileQuery,
    }),
    async (request, reply) => {
      const { id, phaseId, entryId, fileId } = request.params;
      const file = await showcaseFile(app.db, phases, id, phaseId, entryId, fileId, reader(request));
      const answer = fileReply(file, { inline: request.query.inline === '1', range: request.headers.range });
      reply.status(answer.status).headers(answer.headers);
      return reply.send(answer.status === 416 ? null : storage.readStream(file.storage_key, answer.range));
    },
  );

  app.get(
    `${entryPath}/files/:fileId/thumbnail`,
    documented("A picture of an entry of a public vote as a small JPEG: the showcase's cover", { params: showcaseFileParams }),
    async (request, reply) => {
      const { id, phaseId, entryId, fileId } = request.params;
      const file = await showcaseFile(app.db, phases, id, phaseId, entryId, fileId, reader(request));
      requireImage(file.media_type);
      // A file's bytes never change under its id; a share card's reader may keep the picture a day.
      reply.header('Cache-Control', 'public, max-age=86400');
      reply.header('Content-Type', 'image/jpeg');
      return reply.send(await thumbnailOf(storage.readStream(file.storage_key)));
    },
  );
};
