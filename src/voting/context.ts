/**
 * What voting's routes share in one server process, made from the server's configuration: the
 * rate-limit counters (in Redis when REDIS_URL is set, else in memory: one set for every limit and
 * for solved challenges), the SMS provider and the challenges. Made the first time a voting route is
 * registered (`votingContext(app)`), kept on the server, and closed with it. Tests and benchmarks put
 * their own parts in first with `withVotingContext`.
 */
import type { LeitaiApp, RegisterRoutes } from '../platform/http/server.ts';
import { memoryCounters, type Counters } from '../platform/counters.ts';
import { redisCounters } from '../platform/redis-counters.ts';
import { smsProviderFor, type SmsProvider } from '../platform/sms.ts';
import { challenges, type Challenges } from './challenge.ts';

export interface VotingContext {
  counters: Counters;
  sms: SmsProvider;
  challenges: Challenges;
}

declare module 'fastify' {
  interface FastifyInstance {
    votingContext: VotingContext;
  }
}

/** The server's voting context, made on first use; call it while registering routes, not in a handler. */
export function votingContext(app: LeitaiApp): VotingContext {
  if (!app.hasDecorator('votingContext')) install(app, {});
  return app.votingContext;
}

/** Registers first in a test or benchmark to give voting some parts of its own (an SMS provider that captures). */
export const withVotingContext =
  (parts: Partial<VotingContext>): RegisterRoutes =>
  (app) => {
    install(app, parts);
  };

function install(app: LeitaiApp, parts: Partial<VotingContext>): void {
  const { config, clock, db } = app;
  const counters = parts.counters ?? (config.redisUrl ? redisCounters(config.redisUrl) : memoryCounters(clock));
  const context: VotingContext = {
    counters,
    sms: parts.sms ?? smsProviderFor(config.sms, db),
    challenges: parts.challenges ?? challenges({ settings: config.challenge, counters, clock }),
  };
  app.decorate('votingContext', context);
  // Counters given by the caller are the caller's to close.
  if (!parts.counters) app.addHook('onClose', () => counters.close());
}
