/**
 * The HTTP entry: every feature's routes on the platform's server, the built web app at `/`.
 * `leitai serve` (and `npm start`) open the database, publish the contests folder and call this.
 */
import type { Kysely } from 'kysely';
import { contestPageMetadata } from './contest/page-metadata.ts';
import { contestRoutes } from './contest/routes.ts';
import { authRoutes } from './platform/auth/routes.ts';
import type { Clock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db-types.ts';
import { firstPageMetadata } from './platform/http/page-metadata.ts';
import { createServer } from './platform/http/server.ts';
import { packagePath } from './platform/package-root.ts';
import { outboxRoutes } from './platform/outbox.ts';
import { registrationRoutes } from './registration/routes.ts';
import { assignmentRoutes } from './review/assignment/routes.ts';
import { conflictRoutes } from './review/conflicts/routes.ts';
import { judgeRoutes } from './review/judges/routes.ts';
import { publishingRoutes } from './review/publishing/routes.ts';
import { scoringRoutes } from './review/scoring/routes.ts';
import { scheduleRoutes } from './schedule/routes.ts';
import { submissionRoutes } from './submission/routes.ts';
import { uploadLimitsOf } from './submission/service.ts';
import { localStorage, s3Storage } from './submission/storage.ts';
import { uploadsDirectory } from './submission/tus.ts';
import { rescansWhileServing } from './voting/fraud/rescan-schedule.ts';
import { heldVoteRoutes } from './voting/fraud/routes.ts';
import { votingRoutes } from './voting/routes.ts';
import { voterRoutes } from './voting/voters/routes.ts';
import { votingPageMetadata } from './voting/page-metadata.ts';
import { showcaseRoutes } from './voting/showcase/routes.ts';

/** The routes that need no configuration, accounts' first; tests mount these. */
export const featureRoutes = [
  authRoutes,
  contestRoutes,
  registrationRoutes,
  scheduleRoutes,
  judgeRoutes,
  conflictRoutes,
  assignmentRoutes,
  outboxRoutes,
  scoringRoutes,
  publishingRoutes,
  voterRoutes,
  votingRoutes,
  heldVoteRoutes,
];

/** Where uploaded files live: the S3 bucket when LEITAI_S3_BUCKET is set, else `<dataDir>/uploads`. */
export const worksStorage = (config: Config) => (config.s3 ? s3Storage(config.s3) : localStorage(uploadsDirectory(config.dataDir)));

export const allRoutes = (config: Config) => {
  const storage = worksStorage(config);
  return [
    ...featureRoutes,
    submissionRoutes({ storage, limits: uploadLimitsOf(config), sweepEveryMinutes: 60 }),
    showcaseRoutes({ storage }),
    rescansWhileServing(10),
  ];
};

export const webDist = packagePath('dist', 'web');

export const buildApp = (db: Kysely<Database>, config: Config, clock: Clock, options: { logger?: boolean } = {}) =>
  createServer({
    db,
    config,
    clock,
    registerRoutes: allRoutes(config),
    webDist,
    pageMetadata: firstPageMetadata(votingPageMetadata(db, clock), contestPageMetadata(db)),
    logger: options.logger,
  });
