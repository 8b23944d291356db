/**
 * Rescans while serving: every few minutes, each vote phase that took votes since the pass before is
 * rescanned (service.ts' rescan), one after another, so lockstep rings and spray and slow farms are
 * held within minutes of showing, without an organiser asking. Each server process runs its own
 * passes; two rescans of one phase at once hold each vote once (a rescan holds only counted votes).
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db-types.ts';
import type { LeitaiApp } from '../../platform/http/server.ts';
import { phasesVotedSince } from './queries.ts';
import { rescan } from './service.ts';

export type PhaseRescan = { contestId: string; phaseId: string } & ({ held: number; signals: Record<string, number> } | { error: unknown });

/** One pass: rescans each phase that took votes at or after `since`, at `at`; a phase that fails stops no other. */
export async function rescanPhasesVotedSince(db: Kysely<Database>, since: Date, at: Date): Promise<PhaseRescan[]> {
  const results: PhaseRescan[] = [];
  for (const { contest_id: contestId, phase_id: phaseId } of await phasesVotedSince(db, since)) {
    const result = await rescan(db, contestId, phaseId, at).catch((error: unknown) => ({ error }));
    results.push({ contestId, phaseId, ...result });
  }
  return results;
}

/** A server that starts looks back this far, so votes cast while it was down are rescanned too. */
const firstLookBackMs = 24 * 3_600_000;

/** Passes every `everyMinutes` from now; a pass still under way when the next is due carries on alone. */
function startRescans(db: Kysely<Database>, clock: Clock, everyMinutes: number, report: { done(results: PhaseRescan[]): void; failed(error: unknown): void }) {
  let since = new Date(clock.now().getTime() - firstLookBackMs);
  let current: Promise<void> | undefined;
  const run = () => {
    const at = clock.now();
    current ??= rescanPhasesVotedSince(db, since, at)
      .then((results) => {
        since = at;
        report.done(results);
      }, report.failed)
      .finally(() => (current = undefined));
  };
  const timer = setInterval(run, everyMinutes * 60_000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await current;
    },
  };
}

/** The server's rescans, every `everyMinutes` while it serves (server.ts registers it; tests rescan by hand). */
export const rescansWhileServing = (everyMinutes: number) => async (app: LeitaiApp) => {
  let rescans: ReturnType<typeof startRescans> | undefined;
  app.addHook('onReady', async () => {
    rescans = startRescans(app.db, app.clock, everyMinutes, {
      done: (results) => {
        for (const result of results) {
          if ('error' in result) app.log.error({ err: result.error, contestId: result.contestId, phaseId: result.phaseId }, 'rescan of a vote phase failed');
          else if (result.held > 0) app.log.info(result, 'votes held by a rescan');
        }
      },
      failed: (error) => app.log.error({ err: error }, 'rescan of vote phases failed'),
    });
  });
  app.addHook('onClose', async () => rescans?.stop());
};
