import { Worker, type ResourceLimits, type TransferListItem } from 'node:worker_threads';

/**
 * One worker thread that runs jobs one at a time, in the order asked: for a computation that holds a
 * core for seconds (a contest's originality comparison, a vote phase's rescan), which on the main
 * thread would stop the server answering anyone, and two at once would only share the core. The
 * thread starts on first use and is kept (its module may cache between jobs), held (ref'd) only
 * while jobs are queued or running, so a CLI or a test exits when done.
 *
 * The worker file (plain .mjs: see compiled-or-source.mjs) gets `{ id, ...payload }` and answers
 * `{ type: 'done', id, result }` or `{ type: 'failed', id, message }`, after as many
 * `{ type: 'progress', id, ...progress }` as it likes.
 */

type Reply<Result, Progress> =
  ({ type: 'progress'; id: number } & Progress) | { type: 'done'; id: number; result: Result } | { type: 'failed'; id: number; message: string };

interface Job<Result, Progress> {
  id: number;
  label: string | undefined;
  /** Dropped once posted: the worker has its copy, and the main thread should not hold a second one. */
  message: { payload: object; transfer: readonly TransferListItem[] } | undefined;
  progress: Progress | undefined;
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

/** Where a labelled job stands: behind `ahead` others, or running with its last progress (none yet: undefined). */
export type JobStanding<Progress> = { state: 'queued'; ahead: number } | { state: 'running'; progress: Progress | undefined };

export interface JobOptions {
  /** Names the job for `standing`. */
  label?: string;
  /** Moved to the worker, not copied (typed arrays' buffers): unusable here afterwards. */
  transfer?: readonly TransferListItem[];
}

export class SerialWorker<Payload extends object, Result, Progress extends object = never> {
  private worker: Worker | undefined;
  private running: Job<Result, Progress> | undefined;
  private readonly queue: Job<Result, Progress>[] = [];
  private nextId = 1;

  /**
   * `name` says whose failure an error is: 'the rescan' fails with "the rescan failed: …". A worker
   * over its `resourceLimits` ends (ERR_WORKER_OUT_OF_MEMORY) and fails its job alone.
   */
  constructor(
    private readonly url: URL,
    private readonly name: string,
    private readonly resourceLimits?: ResourceLimits,
  ) {}

  /** The job's result, once the jobs asked before it are done. */
  run(payload: Payload, options: JobOptions = {}): Promise<Result> {
    return new Promise((resolve, reject) => {
      const message = { payload, transfer: options.transfer ?? [] };
      this.queue.push({ id: this.nextId++, label: options.label, message, progress: undefined, resolve, reject });
      this.runNext();
    });
  }

  /** The running job labelled `label`, else the first queued; null when there is none. */
  standing(label: string): JobStanding<Progress> | null {
    if (this.running?.label === label) return { state: 'running', progress: this.running.progress };
    const ahead = this.queue.findIndex((job) => job.label === label);
    return ahead < 0 ? null : { state: 'queued', ahead: ahead + (this.running ? 1 : 0) };
  }

  private runNext() {
    if (this.running) return;
    const job = this.queue.shift();
    if (!job) {
      this.worker?.unref();
      return;
    }
    this.running = job;
    this.worker ??= this.startWorker();
    this.worker.ref();
    const { payload, transfer } = job.message!;
    job.message = undefined;
    this.worker.postMessage({ id: job.id, ...payload }, transfer);
  }

  private startWorker() {
    const started = new Worker(this.url, { resourceLimits: this.resourceLimits });
    started.on('message', (reply: Reply<Result, Progress>) => {
      const job = this.running;
      if (!job || job.id !== reply.id) return;
      if (reply.type === 'progress') {
        job.progress = reply;
        return;
      }
      this.running = undefined;
      if (reply.type === 'done') job.resolve(reply.result);
      else job.reject(new Error(`${this.name} failed: ${reply.message}`));
      this.runNext();
    });
    // Ended under a job (out of memory, a bug): that job fails, the next starts a fresh worker.
    const lost = (error: Error) => {
      if (this.worker !== started) return;
      this.worker = undefined;
      const job = this.running;
      this.running = undefined;
      job?.reject(error);
      this.runNext();
    };
    started.on('error', lost);
    started.on('exit', (code) => lost(new Error(`${this.name} worker exited (${code})`)));
    return started;
  }
}
