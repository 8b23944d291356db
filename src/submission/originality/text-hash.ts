/**
 * Near-duplicate texts: character shingles, MinHash signatures and an LSH banding index (pure).
 *
 * Hand-written: MinHash and banding are some sixty lines, and the npm packages that offer them are
 * either unmaintained for years or tokenise on spaces, which splits no Chinese text at all.
 *
 * - Normalisation: NFKC (full-width letters, digits and punctuation to their plain forms), lower case,
 *   then only letters and digits are kept — so changing punctuation, spacing or line breaks changes nothing.
 * - Shingles of 5 characters. Chinese has no spaces, so words cannot be the unit; a Chinese word is
 *   mostly 2 characters (rarely more than 4), so 5 characters span two or three words: long enough that
 *   two texts on one theme, sharing its terms (医保电子凭证, 政务数据), share few shingles unless they share
 *   wording; short enough that changing one character disturbs only 5 shingles.
 * - MinHash: 192 seeded 32-bit hash functions; the share of equal minima estimates the Jaccard similarity
 *   of the two shingle sets with a standard error of at most √(0.25/192) ≈ 0.036.
 * - LSH: the 192 minima cut into 64 bands of 3; two texts become candidates when any band is equal. A pair
 *   at the threshold 0.4 becomes a candidate with probability 1 − (1 − 0.4³)⁶⁴ ≈ 0.985, at 0.5 ≈ 0.9998,
 *   while two unrelated texts on one theme (≈ 0.08) do with ≈ 0.03: a contest of thousands of works
 *   compares a few per cent of its pairs, not all of them.
 */

export const shingleLength = 5;
export const signatureLength = 192;
const lshRows = 3;
const lshBands = Math.floor(signatureLength / lshRows);

/**
 * Texts with fewer characters than this after normalisation are never flagged: 50 字 is about two
 * sentences, below which two independent entries on one theme can share most of their wording by chance.
 * (A slogan of ≤20 字 is too short to be judged by resemblance.)
 */
export const minTextCharacters = 50;

/**
 * Two texts whose estimated Jaccard similarity of shingles reaches this look alike. Measured in
 * text-hash.test.ts: altered copies (characters changed, sentences reordered, 20% cut, punctuation changed,
 * a paragraph inserted, several at once) stay above 0.5; distinct texts written from one small vocabulary
 * of the contest's terms reach 0.22 at most. 0.4 leaves room for a copy that keeps only about 60% of its
 * source, and stays far from texts that merely share a theme.
 */
export const textSimilarityThreshold = 0.4;

/** 192 minima, one per seeded hash function; empty for a text shorter than one shingle. */
export type MinHashSignature = readonly number[];

export interface TextSketch {
  characters: number;
  signature: MinHashSignature;
}

/** NFKC, lower case, letters and digits only. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The distinct shingles of a normalised text, by code point (an emoji or a rare 字 counts once). */
export function shingles(normalised: string, k = shingleLength): Set<string> {
  const characters = Array.from(normalised);
  const out = new Set<string>();
  for (let i = 0; i + k <= characters.length; i++) out.add(characters.slice(i, i + k).join(''));
  return out;
}

/** The MinHash signature of a normalised text. */
export function minHashSignature(normalised: string): MinHashSignature {
  const set = shingles(normalised);
  if (set.size === 0) return [];
  const minima = new Uint32Array(signatureLength).fill(0xffffffff);
  for (const shingle of set) {
    const h = fnv1a(shingle);
    for (let i = 0; i < signatureLength; i++) {
      const value = fmix32((h ^ seeds[i]!) >>> 0);
      if (value < minima[i]!) minima[i] = value;
    }
  }
  return Array.from(minima);
}

/** The sketch of any text: normalised, its characters counted (by code point) and its signature taken. */
export function sketchText(text: string): TextSketch {
  const normalised = normaliseText(text);
  return { characters: [...normalised].length, signature: minHashSignature(normalised) };
}

/** The estimated Jaccard similarity: the share of equal minima (0 when either is empty). */
export function estimatedJaccard(a: MinHashSignature, b: MinHashSignature): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a.length !== b.length) throw new Error(`signatures of different lengths: ${a.length} and ${b.length}`);
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return equal / a.length;
}

/** Whether two texts are near-duplicates: both long enough, and similar enough. */
export function textsLookAlike(a: TextSketch, b: TextSketch): boolean {
  return a.characters >= minTextCharacters && b.characters >= minTextCharacters && estimatedJaccard(a.signature, b.signature) >= textSimilarityThreshold;
}

/**
 * Banding index over signatures: `add` each, then `candidatePairs` lists the pairs (by the numbers given
 * to `add`, smaller first) that share at least one band — the only pairs worth comparing.
 */
export class LshIndex {
  private readonly buckets = new Map<string, number[]>();

  add(id: number, signature: MinHashSignature): void {
    if (signature.length !== signatureLength) return;
    for (let band = 0; band < lshBands; band++) {
      const key = `${band}:${signature.slice(band * lshRows, (band + 1) * lshRows).join(',')}`;
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(id);
      else this.buckets.set(key, [id]);
    }
  }

  candidatePairs(): Array<[number, number]> {
    const seen = new Set<string>();
    const pairs: Array<[number, number]> = [];
    for (const bucket of this.buckets.values()) {
      for (let i = 0; i < bucket.length; i++) {
        for (let j = i + 1; j < bucket.length; j++) {
          const a = Math.min(bucket[i]!, bucket[j]!);
          const b = Math.max(bucket[i]!, bucket[j]!);
          if (a === b) continue;
          const key = `${a},${b}`;
          if (seen.has(key)) continue;
          seen.add(key);
          pairs.push([a, b]);
        }
      }
    }
    return pairs;
  }
}

/** FNV-1a over UTF-16 code units. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: a bijection on 32-bit words that mixes every bit into every other. */
function fmix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Fixed seeds (SplitMix32 from 2025), so signatures are the same in every process and release. */
const seeds: Uint32Array = (() => {
  const out = new Uint32Array(signatureLength);
  let state = 2025;
  for (let i = 0; i < signatureLength; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    out[i] = (z ^ (z >>> 16)) >>> 0;
  }
  return out;
})();
