import { Worker } from 'node:worker_threads';
import type { Comparison } from './compare-job.ts';
import type { FingerprintedWork } from './rules.ts';

/**
 * The main-thread side of compare-worker.mjs: one worker thread, started on first use and kept (its
 * cache of pixel verdicts is the point), held (ref'd) only while comparisons are queued or running, so
 * a CLI or a test exits when done. Comparisons run one at a time, in the order asked: each uses a whole
 * core for as long as it takes, and a second report of the same contest, queued behind the first, then
 * finds every verdict cached. Progress is kept here for the organiser's page to poll.
 */

/** Where the comparisons labelled with one contest stand. */
export type ComparisonProgress = { state: 'queued'; ahead: number } | { state: 'comparing'; checked: number; candidates: number };

interface Job {
  id: number;
  label: string;
  works: readonly FingerprintedWork[];
  checked: number;
  candidates: number;
  resolve: (comparison: Comparison) => void;
  reject: (error: Error) => void;
}

type Reply =
  | { type: 'progress'; id: number; checked: number; candidates: number }
  | { type: 'done'; id: number; result: Comparison }
  | { type: 'failed'; id: number; message: string };

let worker: Worker | undefined;
let running: Job | undefined;
const queue: Job[] = [];
let nextId = 1;

/** Compares the works off the main thread (rules.ts' findNearDuplicates); `label` names them for `comparisonProgress`. */
export const compareInWorker = (works: readonly FingerprintedWork[], label: string) =>
  new Promise<Comparison>((resolve, reject) => {
    queue.push({ id: nextId++, label, works, checked: 0, candidates: 0, resolve, reject });
    runNext();
  });

/** The newest comparison of `label` running, else the first queued; null when there is none. */
export function comparisonProgress(label: string): ComparisonProgress | null {
  if (running?.label === label) return { state: 'comparing', checked: running.checked, candidates: running.candidates };
  const ahead = queue.findIndex((job) => job.label === label);
  return ahead < 0 ? null : { state: 'queued', ahead: ahead + (running ? 1 : 0) };
}

function runNext() {
  if (running) return;
  running = queue.shift();
  if (!running) {
    worker?.unref();
    return;
  }
  worker ??= startWorker();
  worker.ref();
  worker.postMessage({ id: running.id, works: running.works });
}

function startWorker() {
  const started = new Worker(new URL('./compare-worker.mjs', import.meta.url));
  started.on('message', (reply: Reply) => {
    const job = running;
    if (!job || job.id !== reply.id) return;
    if (reply.type === 'progress') {
      job.checked = reply.checked;
      job.candidates = reply.candidates;
      return;
    }
    running = undefined;
    if (reply.type === 'done') job.resolve(reply.result);
    else job.reject(new Error(`originality comparison failed: ${reply.message}`));
    runNext();
  });
  // Ended under a comparison (out of memory, a bug): that comparison fails, the next starts a fresh worker.
  const lost = (error: Error) => {
    if (worker !== started) return;
    worker = undefined;
    const job = running;
    running = undefined;
    job?.reject(error);
    runNext();
  };
  started.on('error', lost);
  started.on('exit', (code) => lost(new Error(`the originality worker exited (${code})`)));
  return started;
}
