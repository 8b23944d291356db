import { Worker } from 'node:worker_threads';
import type { ByteSource } from './types.ts';
import { cleanText } from './clean-text.ts';

/**
 * The main-thread side of parser-worker.mjs: one shared worker thread, started on first use, held
 * (ref'd) only while jobs are in flight so a CLI exits when done. A job is cancelled at its probe's
 * deadline; if the worker has not answered the cancel within `cancelGraceMs` (a synchronous loop in a
 * parser), it is terminated, and its other jobs run again on a fresh worker (see `lost` below).
 */
export const poolLimits = {
  cancelGraceMs: 1_000,
  /** A worker that a hostile file drives out of memory dies alone, with ERR_WORKER_OUT_OF_MEMORY. */
  maxOldGenerationSizeMb: 1024,
} as const;

type Reply =
  { type: 'read'; id: number; begin: number; end: number } | { type: 'done'; id: number; result: unknown } | { type: 'failed'; id: number; name: string };

/** A parser's failure, by its exception's name (PasswordException, InvalidPDFException, RangeError…). */
export class ParserError extends Error {
  readonly parserName: string;
  constructor(name: string) {
    // Refusal messages quote it; it comes from the worker, so it is cleaned like any text from a file.
    const parserName = cleanText(name, 64) ?? 'Error';
    super(parserName);
    this.parserName = parserName;
    this.name = 'ParserError';
  }
}

interface Job {
  kind: WorkerJob;
  payload: object;
  transfer: ArrayBuffer[];
  source?: ByteSource;
  /** The worker the job was last posted to. */
  worker?: Worker;
  retried: boolean;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

let worker: Worker | undefined;
const jobs = new Map<number, Job>();
let nextId = 1;

const post = (id: number, job: Job) => {
  worker ??= startWorker();
  job.worker = worker;
  worker.ref();
  worker.postMessage({ type: 'run', id, kind: job.kind, payload: job.payload }, job.transfer);
};

function startWorker() {
  const started = new Worker(new URL('./parser-worker.mjs', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: poolLimits.maxOldGenerationSizeMb },
  });
  started.unref();
  started.on('message', (reply: Reply) => {
    const job = jobs.get(reply.id);
    if (!job || job.worker !== started) return;
    if (reply.type === 'read') {
      if (!job.source) return;
      job.source.read(reply.begin, reply.end - reply.begin).then(
        (bytes) => {
          // A copy with a buffer of its own: Buffer#slice is a view, and from Node 22 the Buffer pool's memory cannot be transferred.
          const copy = new Uint8Array(bytes);
          started.postMessage({ type: 'data', id: reply.id, begin: reply.begin, bytes: copy }, [copy.buffer]);
        },
        (error: unknown) => {
          started.postMessage({ type: 'cancel', id: reply.id });
          job.reject(error);
        },
      );
      return;
    }
    if (reply.type === 'done') job.resolve(reply.result);
    else job.reject(new ParserError(reply.name));
  });
  // The worker ended under jobs that did not end it (another job's deadline terminated it, or a file
  // drove it out of memory): each runs once more on a fresh worker, unless its bytes were handed over
  // (transferred, so gone) or it is already its second run (so it may be the job that ends workers).
  const lost = (error: unknown) => {
    if (worker === started) worker = undefined;
    for (const [id, job] of [...jobs]) {
      if (job.worker !== started) continue;
      if (job.retried || job.transfer.length > 0) {
        job.reject(error);
      } else {
        job.retried = true;
        post(id, job);
      }
    }
  };
  started.on('error', (error) => lost(new ParserError(error.name)));
  started.on('exit', () => lost(new ParserError('WorkerExit')));
  return started;
}

/** The parsers of parser-worker.mjs: the PDF probe, MP4 metadata, EXIF and XMP of images, the text of a PDF for originality, a ZIP entry's inflation. */
export type WorkerJob = 'pdf' | 'mp4' | 'image' | 'pdf-text' | 'inflate-head';

/**
 * Runs one parse in the worker; `source` serves its range reads (PDF), `transfer` hands bytes over
 * (the PDF text: up to 128 MB, too much to copy; such a job is not run again if the worker is lost).
 */
export const runInWorker = <T>(kind: WorkerJob, payload: object, signal: AbortSignal, options: { source?: ByteSource; transfer?: ArrayBuffer[] } = {}) =>
  new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const id = nextId++;
    const settle = () => {
      jobs.delete(id);
      signal.removeEventListener('abort', onAbort);
      if (jobs.size === 0) worker?.unref();
    };
    const onAbort = () => {
      const current = jobs.get(id)?.worker;
      if (!current) return;
      settle();
      reject(signal.reason);
      let answered = false;
      const onAny = () => {
        answered = true;
      };
      current.on('message', onAny);
      current.postMessage({ type: 'cancel', id });
      // No message at all since the cancel: a parser is looping. End the thread; its other jobs run again on the next.
      setTimeout(() => {
        current.off('message', onAny);
        if (!answered && worker === current) void current.terminate();
      }, poolLimits.cancelGraceMs).unref();
    };
    const job: Job = {
      kind,
      payload,
      transfer: options.transfer ?? [],
      ...(options.source ? { source: options.source } : {}),
      retried: false,
      resolve: (result) => {
        settle();
        resolve(result as T);
      },
      reject: (error) => {
        settle();
        reject(error);
      },
    };
    jobs.set(id, job);
    signal.addEventListener('abort', onAbort, { once: true });
    post(id, job);
  });
