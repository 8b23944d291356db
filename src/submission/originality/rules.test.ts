import { describe, expect, it } from 'vitest';
import { fingerprintText, imageAlgorithm, type ImageFingerprint } from './fingerprint.ts';
import { findNearDuplicates, type FingerprintedWork } from './rules.ts';
import { alterText, makeOriginalText } from './test-texts.ts';

/** An image fingerprint whose four views are the one given hash, as for a left–right symmetric picture. */
const image = (hash: string): ImageFingerprint => ({
  kind: 'image',
  algorithm: imageAlgorithm,
  views: { whole: hash, centre95: hash, centre90: hash, mirrored: hash },
});

const work = (registrationId: string, ref: string, fingerprint: FingerprintedWork['fingerprint']): FingerprintedWork => ({
  registrationId,
  ref,
  fileId: `file-${ref}`,
  fingerprint,
});

describe('findNearDuplicates', () => {
  const original = makeOriginalText(11);
  const copy = alterText(original, 'sentences reordered', 11);

  it('flags an altered copy of a text from another registration, with both entries side by side', () => {
    const pairs = findNearDuplicates([
      work('reg-2', 'B-作品说明', fingerprintText(copy)),
      work('reg-1', 'A-作品说明', fingerprintText(original)),
      work('reg-3', 'C-作品说明', fingerprintText(makeOriginalText(12))),
    ]);
    expect(pairs).toEqual([
      {
        a: { registrationId: 'reg-1', ref: 'A-作品说明', fileId: 'file-A-作品说明' },
        b: { registrationId: 'reg-2', ref: 'B-作品说明', fileId: 'file-B-作品说明' },
        kind: 'text',
        similarity: expect.any(Number),
      },
    ]);
    expect(pairs[0]!.similarity).toBeGreaterThan(0.7);
  });

  it("does not flag a team's own versions of one work, even identical ones", () => {
    expect(
      findNearDuplicates([
        work('reg-1', 'A-v1', fingerprintText(original)),
        work('reg-1', 'A-v2', fingerprintText(original)),
        work('reg-1', 'A-图1', image('0123456789abcdef')),
        work('reg-1', 'A-图2', image('0123456789abcdef')),
      ]),
    ).toEqual([]);
  });

  it('does not flag identical texts shorter than 50 characters, nor empty ones', () => {
    const slogan = '数据多跑路，群众少跑腿';
    expect(
      findNearDuplicates([
        work('reg-1', 'A', fingerprintText(slogan)),
        work('reg-2', 'B', fingerprintText(slogan)),
        work('reg-3', 'C', fingerprintText('')),
        work('reg-4', 'D', fingerprintText('')),
      ]),
    ).toEqual([]);
  });

  it('flags images at most 10 bits apart, with similarity 1 − bits / 64, and not 12 bits apart', () => {
    const pairs = findNearDuplicates([
      work('reg-1', 'A', image('0000000000000000')),
      work('reg-2', 'B', image('00000000000003ff')), // 10 bits from A
      work('reg-3', 'C', image('ffffffffffff0000')), // far from both
      work('reg-4', 'D', image('ffffffffffff000f')), // 4 bits from C
      work('reg-5', 'E', image('0000000000000fff')), // 12 bits from A, 2 from B
    ]);
    expect(pairs.map((p) => [p.a.ref, p.b.ref, p.kind, p.similarity])).toEqual([
      ['B', 'E', 'image', 1 - 2 / 64],
      ['C', 'D', 'image', 1 - 4 / 64],
      ['A', 'B', 'image', 1 - 10 / 64],
    ]);
  });

  it('never pairs an image with a text, nor fingerprints of different algorithms', () => {
    const text = fingerprintText(original);
    expect(
      findNearDuplicates([
        work('reg-1', 'A', text),
        work('reg-2', 'B', { ...text, algorithm: 'minhash128-char5/0' as typeof text.algorithm }),
        work('reg-3', 'C', image('0000000000000000')),
      ]),
    ).toEqual([]);
  });

  it('lists the pairs most similar first, then by the references', () => {
    const pairs = findNearDuplicates([
      work('reg-1', 'A', fingerprintText(original)),
      work('reg-2', 'B', fingerprintText(alterText(original, '20% cut', 1))),
      work('reg-3', 'C', fingerprintText(original)),
      work('reg-4', 'D', image('0000000000000000')),
      work('reg-5', 'E', image('0000000000000001')),
    ]);
    expect(pairs.map((p) => `${p.a.ref}-${p.b.ref}`)).toEqual(['A-C', 'D-E', 'A-B', 'B-C']);
    expect(pairs[0]!.similarity).toBe(1);
    expect(pairs[2]!.similarity).toBe(pairs[3]!.similarity);
  });

  it('finds every altered copy among 500 texts of 100 registrations, comparing candidate pairs only', () => {
    const works: FingerprintedWork[] = [];
    for (let r = 0; r < 100; r++) {
      for (let f = 0; f < 4; f++) works.push(work(`reg-${r}`, `${r}-${f}`, fingerprintText(makeOriginalText(2000 + r * 4 + f))));
    }
    // Registration 100+k hands in a re-punctuated, reordered copy of work k-0.
    for (let k = 0; k < 100; k++) {
      const source = makeOriginalText(2000 + k * 4);
      works.push(work(`reg-${100 + k}`, `copy-${k}`, fingerprintText(alterText(source, 'reordered, characters changed and re-punctuated', k))));
    }
    const pairs = findNearDuplicates(works);
    expect(pairs.length).toBe(100);
    expect(new Set(pairs.map((p) => `${p.a.ref}|${p.b.ref}`))).toEqual(
      new Set(Array.from({ length: 100 }, (_, k) => `${k}-0|copy-${k}`)),
    );
  });
});
