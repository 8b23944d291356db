import { SerialWorker } from '../../platform/serial-worker.ts';
import type { HoldReason } from '../hold-reason.ts';
import { transferListOf, type StreamColumns } from './stream-columns.ts';

/**
 * The main-thread side of rescan-worker.mjs: one worker thread (platform/serial-worker.ts). Rescans
 * run one at a time, in the order asked: each uses a whole core while it runs.
 *
 * The worker's heap is capped: V8 sizes an uncapped heap to the machine (4 GB on 24 GB) and lets
 * the replay's garbage grow by hundreds of megabytes before it collects; capped at 1 GB it collects
 * sooner (a million votes: about 350 MB above the process before, against 540 uncapped and 790
 * capped at 2 GB), and a phase whose rescan needs more fails alone, the server untouched. The
 * columns' buffers are outside the heap.
 */
const rescans = new SerialWorker<{ columns: StreamColumns; timeZone: string }, [string, HoldReason[]][]>(
  new URL('./rescan-worker.mjs', import.meta.url),
  'the rescan',
  { maxOldGenerationSizeMb: 1024 },
);

/** rescan-rules.ts' suspectVotesOfStream, off the main thread. The columns move to the worker: unusable here after. */
export const suspectVotesInWorker = (columns: StreamColumns, timeZone: string) =>
  rescans.run({ columns, timeZone }, { transfer: transferListOf(columns) }).then((suspects) => new Map(suspects));
