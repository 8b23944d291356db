// The originality comparison (compare-job.ts) in a worker thread: with many images of one template it
// runs pixel checks for seconds, synchronously, and on the main thread every request would wait that
// long. One worker, long-lived, so its cache of pixel verdicts outlives a report. Plain JavaScript, so
// it starts without a TypeScript loader (compiled-or-source.mjs). See compare-pool.ts.
import { parentPort } from 'node:worker_threads';
import { importCompiledOrSource } from '../../platform/compiled-or-source.mjs';

const { compareWorks } = await importCompiledOrSource(import.meta.url, './compare-job');

parentPort.on('message', ({ id, works }) => {
  try {
    const result = compareWorks(works, (checked, candidates) => parentPort.postMessage({ type: 'progress', id, checked, candidates }));
    parentPort.postMessage({ type: 'done', id, result });
  } catch (error) {
    parentPort.postMessage({ type: 'failed', id, message: String(error?.message ?? error) });
  }
});
