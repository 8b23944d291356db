import { Worker } from 'node:worker_threads';
import type { HoldReason } from '../hold-reason.ts';
import type { StreamColumns } from './rescan-job.ts';

/**
 * The main-thread side of rescan-worker.mjs: one worker thread, started on first use, held (ref'd)
 * only while rescans are queued or running, so a CLI or a test exits when done. Rescans run one at
 * a time, in the order asked: each uses a whole core while it runs.
 */

interface Job {
  id: number;
  columns: StreamColumns;
  timeZone: string;
  resolve: (suspects: Map<string, HoldReason[]>) => void;
  reject: (error: Error) => void;
}

type Reply = { id: number; ok: true; suspects: [string, HoldReason[]][] } | { id: number; ok: false; message: string };

let worker: Worker | undefined;
let running: Job | undefined;
const queue: Job[] = [];
let nextId = 1;

/** rescan-rules.ts' suspectVotes of the stream, off the main thread. */
export const suspectVotesInWorker = (columns: StreamColumns, timeZone: string) =>
  new Promise<Map<string, HoldReason[]>>((resolve, reject) => {
    queue.push({ id: nextId++, columns, timeZone, resolve, reject });
    runNext();
  });

function runNext() {
  if (running) return;
  running = queue.shift();
  if (!running) {
    worker?.unref();
    return;
  }
  worker ??= startWorker();
  worker.ref();
  worker.postMessage({ id: running.id, columns: running.columns, timeZone: running.timeZone });
}

function startWorker() {
  const started = new Worker(new URL('./rescan-worker.mjs', import.meta.url));
  started.on('message', (reply: Reply) => {
    const job = running;
    if (!job || job.id !== reply.id) return;
    running = undefined;
    if (reply.ok) job.resolve(new Map(reply.suspects));
    else job.reject(new Error(`the rescan failed: ${reply.message}`));
    runNext();
  });
  // Ended under a rescan (out of memory, a bug): that rescan fails, the next starts a fresh worker.
  const lost = (error: Error) => {
    if (worker !== started) return;
    worker = undefined;
    const job = running;
    running = undefined;
    job?.reject(error);
    runNext();
  };
  started.on('error', lost);
  started.on('exit', (code) => lost(new Error(`the rescan worker exited (${code})`)));
  return started;
}
