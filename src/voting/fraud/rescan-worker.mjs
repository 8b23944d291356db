// A rescan's analysis (rescan-job.ts) in a worker thread: over a phase's whole stream it holds a core
// for seconds, and on the main thread every vote and page would wait that long. Plain JavaScript, so
// it starts without a TypeScript loader (compiled-or-source.mjs). See rescan-pool.ts.
import { parentPort } from 'node:worker_threads';
import { importCompiledOrSource } from '../../platform/compiled-or-source.mjs';

const { suspectVotesOfColumns } = await importCompiledOrSource(import.meta.url, './rescan-job');

parentPort.on('message', ({ id, columns, timeZone }) => {
  try {
    parentPort.postMessage({ type: 'done', id, result: suspectVotesOfColumns(columns, timeZone) });
  } catch (error) {
    parentPort.postMessage({ type: 'failed', id, message: String(error?.message ?? error) });
  }
});
