/**
 * A rescan's work as the worker thread runs it (rescan-worker.mjs): the phase's stream arrives in
 * columns as it was read (their buffers moved, not copied), is put in time order, and the suspect
 * votes go back as [id, reasons] pairs.
 */
import type { HoldReason } from '../hold-reason.ts';
import { suspectVotesOfStream } from './rescan-rules.ts';
import { inTimeOrder, type StreamColumns } from './stream-columns.ts';

/** suspectVotesOfStream of the stream in columns, in the order it was read. */
export const suspectVotesOfColumns = (columns: StreamColumns, timeZone: string): [string, HoldReason[]][] => [
  ...suspectVotesOfStream(inTimeOrder(columns), timeZone),
];
