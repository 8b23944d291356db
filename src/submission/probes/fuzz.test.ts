import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { bufferSource } from './byte-source.ts';
import { probe } from './index.ts';
import { docx, pdfWithImageOnly, pdfWithText, ppt, pptx } from '../../../test/support/test-media.ts';
import { hostileFiles, maxLoopDelayMs } from '../../../test/support/test-hostile.ts';
import type { ProbeRefusal } from './types.ts';

/**
 * Mutation fuzzing of every probe: real files of each kind, changed by a seeded PRNG (bit flips,
 * truncations, inserted bytes, duplicated chunks, corrupted length fields), each probed with a short
 * deadline. Every result must be facts or a coded refusal with both messages: never a throw, never
 * past the deadline. The counts are printed so a reader sees what was covered.
 *
 * Then a table of pathological files per kind (test-hostile.ts), each probed while the event loop's
 * delay is measured: no probe may keep the main thread from other requests for 100 ms or more.
 */
const MAX_LOOP_DELAY_MS = 100;
// 700 a seed: the pathological table below costs about what the last 300 did; LEITAI_FUZZ_CASES=5000 fuzzes deeper.
const CASES_PER_SEED = Number(process.env.LEITAI_FUZZ_CASES ?? 700);
const DEADLINE_MS = 2_000;
const CODES: ReadonlySet<ProbeRefusal['code']> = new Set([
  'file.empty',
  'file.unsupported_type',
  'file.corrupt',
  'file.truncated',
  'file.zip_bomb',
  'file.encrypted',
  'file.probe_limit',
  'file.unreadable',
]);

/** mulberry32: small, seeded, good enough to pick offsets. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

type Mutation = 'bit flips' | 'truncation' | 'insertion' | 'duplication' | 'length field';
const MUTATIONS: Mutation[] = ['bit flips', 'truncation', 'insertion', 'duplication', 'length field'];

const mutate = (seed: Uint8Array, mutation: Mutation, random: () => number): Uint8Array => {
  const at = (n = seed.length) => Math.floor(random() * n);
  // Seeds are plain Uint8Arrays (see beforeAll): their slice() copies, where a Buffer's would share memory.
  switch (mutation) {
    case 'bit flips': {
      const out = seed.slice();
      for (let i = 1 + at(8); i > 0; i--) {
        const p = at();
        out[p] = out[p]! ^ (1 << at(8));
      }
      return out;
    }
    case 'truncation':
      return seed.slice(0, at());
    case 'insertion': {
      const p = at();
      const extra = new Uint8Array(1 + at(64)).map(() => at(256));
      return new Uint8Array([...seed.subarray(0, p), ...extra, ...seed.subarray(p)]);
    }
    case 'duplication': {
      const from = at();
      const chunk = seed.subarray(from, from + 1 + at(4096));
      const p = at();
      return new Uint8Array([...seed.subarray(0, p), ...chunk, ...seed.subarray(p)]);
    }
    case 'length field': {
      // Sizes and offsets are 16- or 32-bit integers in every one of these formats: write extreme ones.
      const out = seed.slice();
      const dv = new DataView(out.buffer);
      const values = [0, 1, 7, 8, 0xffff, 0x7fffffff, 0xffffffff, seed.length, seed.length + 1, at(seed.length * 2)];
      for (let i = 1 + at(3); i > 0; i--) {
        const p = at(Math.max(1, seed.length - 4));
        dv.setUint32(p, values[at(values.length)]! >>> 0, random() < 0.5);
      }
      return out;
    }
  }
};

const fixture = async (name: string) => new Uint8Array(await readFile(new URL(`../../../test/fixtures/${name}`, import.meta.url)));

describe('probe fuzzing', () => {
  const seeds: Record<string, Uint8Array> = {};

  beforeAll(async () => {
    seeds.jpeg = await fixture('small.jpg');
    seeds.png = await fixture('small.png');
    seeds.mp4 = await fixture('small.mp4');
    seeds.mov = await fixture('small.mov');
    seeds['pdf (text)'] = pdfWithText(2);
    seeds['pdf (image)'] = pdfWithImageOnly();
    seeds.pptx = pptx(3);
    seeds.ppt = ppt(4);
    seeds.docx = docx();
    for (const name of Object.keys(seeds)) seeds[name] = new Uint8Array(seeds[name]!);
  });

  it('answers every mutated file with facts or a coded refusal, never a throw or a hang', async () => {
    const started = Date.now();
    const table: Array<Record<string, string | number>> = [];
    const refusals = new Map<string, number>();
    let slowest = 0;
    let total = 0;
    for (const [name, seed] of Object.entries(seeds)) {
      const random = prng([...name].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261));
      const row = { kind: name, cases: 0, ok: 0, refused: 0, ms: 0 };
      const kindStarted = performance.now();
      for (let i = 0; i < CASES_PER_SEED; i++) {
        const mutation = MUTATIONS[i % MUTATIONS.length]!;
        const bytes = mutate(seed, mutation, random);
        const t = performance.now();
        let result;
        try {
          result = await probe(bufferSource(bytes), { deadlineMs: DEADLINE_MS });
        } catch (error) {
          throw new Error(`${name} case ${i} (${mutation}) threw: ${String(error)}`);
        }
        const elapsed = performance.now() - t;
        slowest = Math.max(slowest, elapsed);
        expect(elapsed, `${name} case ${i} (${mutation})`).toBeLessThan(DEADLINE_MS + 500);
        row.cases++;
        if (result.ok) {
          row.ok++;
          expect(result.facts.mediaType).toMatch(/\//);
        } else {
          row.refused++;
          expect(CODES.has(result.refusal.code), `${name} case ${i}: ${result.refusal.code}`).toBe(true);
          expect(result.refusal.message.zh.length).toBeGreaterThan(0);
          expect(result.refusal.message.en.length).toBeGreaterThan(0);
          refusals.set(result.refusal.code, (refusals.get(result.refusal.code) ?? 0) + 1);
        }
        expect(result.bytesRead).toBeLessThanOrEqual(Math.max(bytes.length * 4, 256 * 1024));
      }
      row.ms = Math.round(performance.now() - kindStarted);
      total += row.cases;
      table.push(row);
    }
    console.log(`probe fuzzing: ${total} cases in ${((Date.now() - started) / 1000).toFixed(1)} s, slowest ${slowest.toFixed(0)} ms`);
    console.table(table);
    console.table(Object.fromEntries([...refusals].sort((a, b) => b[1] - a[1])));
    expect(total).toBe(CASES_PER_SEED * Object.keys(seeds).length);
  }, 120_000);

  it(`keeps the event loop free (no delay of ${MAX_LOOP_DELAY_MS} ms) on pathological files of every kind, and answers each`, async () => {
    const table: Array<Record<string, string | number>> = [];
    // Started once, as a server's worker is: the first start is not what a file costs.
    await probe(bufferSource(seeds.mp4!));
    for (const [kind, cases] of Object.entries(await hostileFiles())) {
      for (const [name, make] of cases) {
        const bytes = make();
        let result: Awaited<ReturnType<typeof probe>> | undefined;
        const started = performance.now();
        const delay = await maxLoopDelayMs(async () => {
          result = await probe(bufferSource(bytes), { deadlineMs: DEADLINE_MS });
        }, MAX_LOOP_DELAY_MS);
        const answer = result!.ok ? `${result!.facts.kind}` : result!.refusal.code;
        table.push({
          kind,
          file: name,
          'size KB': Math.round(bytes.length / 1024),
          answer,
          ms: Math.round(performance.now() - started),
          'max loop delay ms': Math.round(delay),
        });
        expect(result!.ok || CODES.has(result!.refusal.code), `${kind}: ${name}`).toBe(true);
        expect(delay, `${kind}: ${name}`).toBeLessThan(MAX_LOOP_DELAY_MS);
      }
    }
    console.table(table);
  }, 120_000);
});
