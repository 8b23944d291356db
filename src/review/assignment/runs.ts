/**
 * The solver runs this process is solving, by run id: each with the AbortController a cancel stops it
 * through, and the promise that settles when its work ends. A run whose row says running but which is
 * not here was started by a process that is gone (the server restarted), so it will never finish:
 * the service marks it failed when it next reads it. One server process solves its own runs; with
 * several behind a load balancer, a run must be cancelled through the process that started it.
 */
const live = new Map<string, { controller: AbortController; settled: Promise<void> }>();

/**
 * Starts `work` on the next turn of the event loop, not at once: the request that started the run
 * answers first, and a cancel made in the same turn reaches the signal before any work is done.
 * `work` must handle its own errors; whatever it throws is dropped here.
 */
export function launchRun(runId: string, work: (signal: AbortSignal) => Promise<void>): void {
  const controller = new AbortController();
  const settled = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => work(controller.signal))
    .catch(() => undefined)
    .finally(() => live.delete(runId));
  live.set(runId, { controller, settled });
}

/**
 * Runs being cancelled here: their work may end at once on the abort, while their row says running
 * until the cancel commits; meanwhile they are not orphans.
 */
const cancelling = new Set<string>();

export const isRunLive = (runId: string) => live.has(runId) || cancelling.has(runId);

/** Stops the run's work at its next step; the run counts as live until `cancelled` is called. */
export function abortRun(runId: string): void {
  const run = live.get(runId);
  if (!run) return;
  cancelling.add(runId);
  run.controller.abort();
}

/** The cancel that aborted the run has committed (or failed): the row says what the run is. */
export const cancelled = (runId: string) => cancelling.delete(runId);

/** Settles when the run's work has ended (at once for a run this process is not solving). */
export const runSettled = (runId: string): Promise<void> => live.get(runId)?.settled ?? Promise.resolve();

/** Stops every run and waits for their work to end: the server is closing. */
export async function abortAllRuns(): Promise<void> {
  const runs = [...live.values()];
  for (const run of runs) run.controller.abort();
  await Promise.all(runs.map((run) => run.settled));
}
