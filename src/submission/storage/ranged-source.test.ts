import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rangedSource } from './ranged-source.ts';

/** An object in memory behind a fetch that records each range asked for, and can be made to fail. */
const object = (size: number) => {
  const bytes = randomBytes(size);
  const fetches: [number, number][] = [];
  let failNext = false;
  const fetch = async (start: number, end: number) => {
    fetches.push([start, end]);
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (failNext) {
      failNext = false;
      throw new Error('connection reset');
    }
    return new Uint8Array(bytes.subarray(start, end));
  };
  return { bytes, fetches, fetch, failOnce: () => (failNext = true) };
};

const options = { blockSize: 1000, maxFetch: 8000, cacheBytes: 16_000 };

describe('rangedSource', () => {
  it('fetches whole blocks, farther ahead while reading on, and counts the bytes asked for', async () => {
    const o = object(50_000);
    const source = rangedSource(o.bytes.length, o.fetch, options);
    for (let offset = 0; offset < 20_000; offset += 100)
      expect(Buffer.from(await source.read(offset, 100)).equals(o.bytes.subarray(offset, offset + 100))).toBe(true);
    expect(o.fetches).toEqual([
      [0, 1000],
      [1000, 3000],
      [3000, 7000],
      [7000, 15_000],
      [15_000, 23_000],
    ]);
    expect([source.bytesRead, source.bytesFetched, source.requests]).toEqual([20_000, 23_000, 5]);
  });

  it('fetches a jump elsewhere as one block, a long read as one request, and clips at the end', async () => {
    const o = object(50_000);
    const source = rangedSource(o.bytes.length, o.fetch, options);
    await source.read(0, 10);
    expect(Buffer.from(await source.read(49_990, 100)).equals(o.bytes.subarray(49_990))).toBe(true);
    expect(Buffer.from(await source.read(20_500, 12_000)).equals(o.bytes.subarray(20_500, 32_500))).toBe(true);
    expect(o.fetches).toEqual([
      [0, 1000],
      [49_000, 50_000],
      [20_000, 33_000],
    ]);
    expect(source.bytesRead).toBe(10 + 10 + 12_000);
  });

  it('shares one request between concurrent reads of the same blocks', async () => {
    const o = object(10_000);
    const source = rangedSource(o.bytes.length, o.fetch, options);
    const [a, b] = await Promise.all([source.read(5000, 10), source.read(5500, 10)]);
    expect([Buffer.from(a).equals(o.bytes.subarray(5000, 5010)), Buffer.from(b).equals(o.bytes.subarray(5500, 5510))]).toEqual([true, true]);
    expect(o.fetches).toEqual([[5000, 6000]]);
  });

  it('forgets the least recently used blocks past its cache, and a failed fetch so the next read asks again', async () => {
    const o = object(100_000);
    const source = rangedSource(o.bytes.length, o.fetch, options);
    await source.read(0, 10);
    for (let block = 10; block < 80; block += 2) await source.read(block * 1000, 10);
    await source.read(0, 10);
    expect(o.fetches.at(-1)).toEqual([0, 1000]);
    o.failOnce();
    await expect(source.read(90_000, 10)).rejects.toThrow('connection reset');
    expect(Buffer.from(await source.read(90_000, 10)).equals(o.bytes.subarray(90_000, 90_010))).toBe(true);
    expect(o.fetches.slice(-2)).toEqual([
      [90_000, 91_000],
      [90_000, 91_000],
    ]);
  });
});
