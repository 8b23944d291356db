import { beforeAll, describe, expect, it } from 'vitest';
import { fingerprintImage, fingerprintText, type ImageFingerprint } from './fingerprint.ts';
import { alterImage, makeOriginalImage } from '../../../test/support/test-images.ts';
import { findNearDuplicates, type FingerprintedWork } from './rules.ts';
import { alterText, makeOriginalText } from '../../../test/support/test-texts.ts';

let pictures: ImageFingerprint[] = [];
/** The fingerprint of synthetic picture k (k < 3), or of a copy of picture 0 at JPEG quality 40 (k = 3). */
const image = (k: number): ImageFingerprint => pictures[k]!;
beforeAll(async () => {
  const originals = await Promise.all([0, 1, 2].map((seed) => makeOriginalImage(seed)));
  const copy = await alterImage(originals[0]!, 'JPEG quality 40', 0);
  pictures = await Promise.all([...originals, copy].map((bytes) => fingerprintImage(bytes)));
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
        work('reg-1', 'A-图1', image(0)),
        work('reg-1', 'A-图2', image(0)),
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

  it('flags a re-compressed copy of an image from another registration, with similarity 1 − the share of differing reliable bits, and not different images', () => {
    const pairs = findNearDuplicates([work('reg-1', 'A', image(0)), work('reg-2', 'B', image(1)), work('reg-3', 'C', image(2)), work('reg-4', 'D', image(3))]);
    expect(pairs.map((p) => [p.a.ref, p.b.ref, p.kind])).toEqual([['A', 'D', 'image']]);
    expect(pairs[0]!.similarity).toBeGreaterThan(0.95);
  });

  it('never pairs an image with a text, nor fingerprints of different algorithms', () => {
    const text = fingerprintText(original);
    expect(
      findNearDuplicates([
        work('reg-1', 'A', text),
        work('reg-2', 'B', { ...text, algorithm: 'minhash128-char5/0' as typeof text.algorithm }),
        work('reg-3', 'C', image(0)),
      ]),
    ).toEqual([]);
  });

  it('lists the pairs most similar first, then by the references', () => {
    const pairs = findNearDuplicates([
      work('reg-1', 'A', fingerprintText(original)),
      work('reg-2', 'B', fingerprintText(alterText(original, '20% cut', 1))),
      work('reg-3', 'C', fingerprintText(original)),
      work('reg-4', 'D', image(0)),
      work('reg-5', 'E', image(0)),
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
    expect(new Set(pairs.map((p) => `${p.a.ref}|${p.b.ref}`))).toEqual(new Set(Array.from({ length: 100 }, (_, k) => `${k}-0|copy-${k}`)));
  });
});
