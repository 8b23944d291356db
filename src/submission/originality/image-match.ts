import { popcount, viewNames, type ImageViews, type ViewName } from './image-hash.ts';
import { comparePixels, decodeThumbnail, faintDetail, pixelScore, type PixelComparison } from './pixel-check.ts';

/**
 * Whether two images are near-duplicates (pure), in two stages:
 * 1. the hashes, cheap enough for every pair of a contest: for each pair of views, the share of differing
 *    bits among those reliable in both, for the pHash and the dHash; the pair's score is the worse of the
 *    two (both hashes must agree), the images' score the best over the view pairs;
 * 2. the pixels, for the few pairs within `hashThreshold`: the matched views of the two thumbnails must
 *    correlate overall and in their detail (pixel-check.ts).
 * The thresholds are measured in image-match.test.ts on posters of four kinds with the works issue's
 * alterations (and the resize at quality 80 that moved a gradient poster's pHash 18 bits).
 */

/** Two images whose closest views differ in at most this share of their reliable bits are candidates. */
export const hashThreshold = 0.22;
/**
 * Candidates are confirmed when their matched views correlate at least this much overall… Measured: copies
 * of posters 0.92 and above, copies of a fine-grained photo (sensor noise) resized 1600→1000 px at quality 60
 * 0.847–0.856 (averaging into 64×64 cells loses most of such texture), different posters of one template at
 * most 0.73.
 */
export const overallThreshold = 0.8;
/** …and at least this much in their detail, unless both images' detail is too faint to compare. */
export const detailThreshold = 0.6;
/**
 * A hash with fewer reliable bits in common than this counts its differing bits out of this many, so a
 * near-featureless pair is not called identical on three bits.
 */
const minimumCommonBits = 16;

export interface ImageSignature {
  views: ImageViews;
  /** 64×64 greyscale thumbnail of the whole image, base64 (pixel-check.ts). */
  thumbnail: string;
}

/** The views' hashes as 32-bit words, for comparing many images without parsing hex again. */
export type PackedViews = Uint32Array;

const wordsPerView = 8;

export function packViews(views: ImageViews): PackedViews {
  const words = new Uint32Array(viewNames.length * wordsPerView);
  viewNames.forEach((name, v) => {
    const { phash, dhash } = views[name];
    [phash.bits, phash.reliable, dhash.bits, dhash.reliable].forEach((hex, k) => {
      if (!/^[0-9a-f]{16}$/.test(hex)) throw new Error(`not a 64-bit hash: ${hex}`);
      words[v * wordsPerView + 2 * k] = parseInt(hex.slice(0, 8), 16);
      words[v * wordsPerView + 2 * k + 1] = parseInt(hex.slice(8), 16);
    });
  });
  return words;
}

/** The view pairs compared: the three unmirrored views each way, and the mirrored view against the whole. */
const viewPairs: ReadonlyArray<readonly [number, number]> = [...[0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => [i, j] as const)), [3, 0], [0, 3]];

/** The share of differing bits among the reliable ones of the hash at `offset` of views i and j. */
function maskedShare(a: PackedViews, i: number, b: PackedViews, j: number, offset: number): number {
  const x = i * wordsPerView + offset;
  const y = j * wordsPerView + offset;
  let common = 0;
  let differing = 0;
  for (let w = 0; w < 2; w++) {
    const reliable = a[x + 2 + w]! & b[y + 2 + w]!;
    common += popcount(reliable);
    differing += popcount((a[x + w]! ^ b[y + w]!) & reliable);
  }
  return differing / Math.max(common, minimumCommonBits);
}

/** The hash score of each view pair: the worse of the pHash's and the dHash's masked shares. */
function pairScores(a: PackedViews, b: PackedViews): number[] {
  return viewPairs.map(([i, j]) => Math.max(maskedShare(a, i, b, j, 0), maskedShare(a, i, b, j, 4)));
}

/** The best hash score over the view pairs: 0 for identical hashes, about 0.5 for unrelated images. */
export function hashDistance(a: PackedViews, b: PackedViews): number {
  return Math.min(...pairScores(a, b));
}

export interface ImageMatch {
  hash: number;
  views: [ViewName, ViewName];
  pixels: PixelComparison;
}

/**
 * The closest match of two images: their hash distance and, when it is within `hashThreshold`, the pixel
 * comparison of the candidate view pair that correlates best in detail. Null for a pair the hashes rule out.
 */
export function closestMatch(a: ImageSignature, b: ImageSignature, packedA = packViews(a.views), packedB = packViews(b.views)): ImageMatch | null {
  const scores = pairScores(packedA, packedB);
  const hash = Math.min(...scores);
  if (hash > hashThreshold) return null;
  const thumbA = decodeThumbnail(a.thumbnail);
  const thumbB = decodeThumbnail(b.thumbnail);
  // The candidate view pairs compared as they are; the best of them is then refined (pixel-check.ts).
  let best: { views: [ViewName, ViewName]; score: number } | null = null;
  viewPairs.forEach(([i, j], k) => {
    if (scores[k]! > hashThreshold) return;
    const views: [ViewName, ViewName] = [viewNames[i]!, viewNames[j]!];
    const score = pixelScore(comparePixels(thumbA, views[0], thumbB, views[1], false));
    if (!best || score > best.score) best = { views, score };
  });
  const { views } = best!;
  return { hash, views, pixels: comparePixels(thumbA, views[0], thumbB, views[1]) };
}

/** Whether a match is confirmed by its pixels. */
export function confirmed(match: ImageMatch | null): match is ImageMatch {
  if (!match) return false;
  const { overall, detail, detailStrength } = match.pixels;
  return overall >= overallThreshold && (detailStrength < faintDetail || detail >= detailThreshold);
}

/** Whether two images are near-duplicates. */
export function imagesLookAlike(a: ImageSignature, b: ImageSignature): boolean {
  return confirmed(closestMatch(a, b));
}
