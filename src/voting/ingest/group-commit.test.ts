import { describe, expect, it } from 'vitest';
import { createGroupCommit, type Settled } from './group-commit.ts';

const closedError = () => new Error('closed');

/** A commit that records each batch and answers each item with itself doubled, after `delayMs`. */
const recordingCommit = (delayMs = 0) => {
  const batches: number[][] = [];
  const commit = async (items: number[]): Promise<Settled<number>[]> => {
    batches.push(items);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return items.map((value) => ({ ok: true, value: value * 2 }));
  };
  return { batches, commit };
};

describe('group commit', () => {
  it('writes the items that came within the delay as one batch and answers each with its own outcome', async () => {
    const { batches, commit } = recordingCommit();
    const queue = createGroupCommit(commit, { maxDelayMs: 20, closedError });
    const answers = await Promise.all([queue.submit(1), queue.submit(2), queue.submit(3)]);
    expect(answers).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('writes a full batch at once, without waiting for the delay', async () => {
    const { batches, commit } = recordingCommit();
    const queue = createGroupCommit(commit, { maxBatch: 2, maxDelayMs: 60_000, closedError });
    expect(await Promise.all([queue.submit(1), queue.submit(2)])).toEqual([2, 4]);
    expect(batches).toEqual([[1, 2]]);
  });

  it('writes one batch at a time: what comes while a batch is written goes in the next, up to the batch size', async () => {
    const { batches, commit } = recordingCommit(30);
    const queue = createGroupCommit(commit, { maxBatch: 3, maxDelayMs: 1, closedError });
    const first = queue.submit(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const rest = [2, 3, 4, 5, 6].map((n) => queue.submit(n));
    expect(await Promise.all([first, ...rest])).toEqual([2, 4, 6, 8, 10, 12]);
    expect(batches).toEqual([[1], [2, 3, 4], [5, 6]]);
  });

  it("rejects an item with the refusal the commit gave it and answers the batch's other items", async () => {
    const queue = createGroupCommit<number, number>(
      async (items) => items.map((n) => (n % 2 === 0 ? { ok: false, error: new Error(`refused ${n}`) } : { ok: true, value: n })),
      { closedError },
    );
    const settled = await Promise.allSettled([queue.submit(1), queue.submit(2), queue.submit(3)]);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual([1, 'refused 2', 3]);
  });

  it('rejects every item of a batch whose commit failed, and writes the next batch as usual', async () => {
    let calls = 0;
    const queue = createGroupCommit<number, number>(
      async (items) => {
        calls++;
        if (calls === 1) throw new Error('connection lost');
        return items.map((value) => ({ ok: true, value }));
      },
      { closedError },
    );
    const failed = await Promise.allSettled([queue.submit(1), queue.submit(2)]);
    expect(failed.map((s) => s.status === 'rejected' && (s.reason as Error).message)).toEqual(['connection lost', 'connection lost']);
    expect(await queue.submit(3)).toBe(3);
  });

  it('fails a batch whose commit returned a different number of outcomes than items', async () => {
    const queue = createGroupCommit<number, number>(async () => [{ ok: true, value: 1 }], { closedError });
    const settled = await Promise.allSettled([queue.submit(1), queue.submit(2)]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
  });

  it('on close, writes what is queued without waiting for the delay, waits for it, then refuses new items', async () => {
    const { batches, commit } = recordingCommit(10);
    const queue = createGroupCommit(commit, { maxDelayMs: 60_000, closedError });
    const queued = [queue.submit(1), queue.submit(2)];
    await queue.close();
    expect(batches).toEqual([[1, 2]]);
    expect(await Promise.all(queued)).toEqual([2, 4]);
    await expect(queue.submit(3)).rejects.toThrow('closed');
  });

  it('on close while a batch is written, waits for it and for the batch queued behind it', async () => {
    const { batches, commit } = recordingCommit(20);
    const queue = createGroupCommit(commit, { maxDelayMs: 0, closedError });
    const first = queue.submit(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = queue.submit(2);
    await queue.close();
    expect(batches).toEqual([[1], [2]]);
    expect(await Promise.all([first, second])).toEqual([2, 4]);
  });
});
