import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Who asks and when, as the features' services take it: the request's signed-in account (or none)
 * and the server's clock, read at the request so a test's clock stands for the server's.
 */
export const requestActor = (app: Pick<FastifyInstance, 'clock'>) => (request: Pick<FastifyRequest, 'account'>) => ({
  account: request.account,
  clock: app.clock,
});
