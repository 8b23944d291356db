import { describe, expect, it } from 'vitest';
import { SerialWorker } from './serial-worker.ts';

/** A worker that sums numbers slowly, saying how far it is, or fails, or exits, as each job asks. */
const workerSource = `
import { parentPort } from 'node:worker_threads';
import { setTimeout as sleep } from 'node:timers/promises';
let busy = 0;
parentPort.on('message', async ({ id, numbers, fail, exit }) => {
  if (exit !== undefined) process.exit(exit);
  if (fail) return parentPort.postMessage({ type: 'failed', id, message: fail });
  busy += 1;
  let sum = 0;
  for (const [i, n] of [...numbers].entries()) {
    await sleep(5);
    sum += n;
    parentPort.postMessage({ type: 'progress', id, summed: i + 1 });
  }
  busy -= 1;
  parentPort.postMessage({ type: 'done', id, result: { sum, alongside: busy } });
});`;
const workerUrl = new URL(`data:text/javascript,${encodeURIComponent(workerSource)}`);

type Job = { numbers?: ArrayLike<number>; fail?: string; exit?: number };
const summing = () => new SerialWorker<Job, { sum: number; alongside: number }, { summed: number }>(workerUrl, 'the sum');

describe('a serial worker', () => {
  it('runs jobs one at a time, in the order asked, and says where a labelled one stands and how far it is', async () => {
    const sums = summing();
    const finished: string[] = [];
    const run = (label: string, numbers: number[]) =>
      sums.run({ numbers }, { label }).then((result) => {
        finished.push(label);
        return result;
      });
    const jobs = [
      run(
        'a',
        Array.from({ length: 40 }, (_, i) => i + 1),
      ),
      run('b', [10, 20]),
      run('c', [100]),
    ];
    expect([sums.standing('b'), sums.standing('c'), sums.standing('d')]).toEqual([{ state: 'queued', ahead: 1 }, { state: 'queued', ahead: 2 }, null]);
    await expect
      .poll(() => sums.standing('a'), { interval: 5, timeout: 5000 })
      .toEqual({ state: 'running', progress: expect.objectContaining({ summed: expect.any(Number) }) });
    expect(await Promise.all(jobs)).toEqual([
      { sum: 820, alongside: 0 },
      { sum: 30, alongside: 0 },
      { sum: 100, alongside: 0 },
    ]);
    expect(finished).toEqual(['a', 'b', 'c']);
    expect(sums.standing('a')).toBeNull();
  });

  it('moves what it is told to transfer: the buffer is gone from this thread', async () => {
    const numbers = new Float64Array([1.5, 2.5]);
    expect(await summing().run({ numbers }, { transfer: [numbers.buffer] })).toEqual({ sum: 4, alongside: 0 });
    expect(numbers.byteLength).toBe(0);
  });

  it('fails a job its worker fails, or exits under, and runs the next on a fresh worker', async () => {
    const sums = summing();
    const failed = sums.run({ fail: 'no numbers' });
    const exited = sums.run({ exit: 3 });
    const next = sums.run({ numbers: [1, 2] });
    await expect(failed).rejects.toThrow('the sum failed: no numbers');
    await expect(exited).rejects.toThrow('the sum worker exited (3)');
    expect(await next).toEqual({ sum: 3, alongside: 0 });
  });
});
