import { resampleRegion, viewRegions, type GreyImage, type ViewName } from './image-hash.ts';

/**
 * The pixel-level check of a candidate pair (pure). Hashes keep a few dozen bits; two different posters of
 * one template (the same gradient, the same layout of text) can agree on all of them. So a candidate pair
 * is confirmed on a small greyscale thumbnail kept with each fingerprint: the two views the hashes
 * matched are cut from the thumbnails, aligned on one grid, and compared twice by normalised correlation —
 * - over the whole grid (`overall`): the layout and the large shapes;
 * - over the detail (`detail`): each grid minus its local mean, i.e. the text, the edges, the objects,
 *   without the background. A shared gradient or template agrees in `overall` and not here.
 * Correlation ignores brightness and contrast, so a brightened or re-compressed copy keeps both near 1.
 */

/** Side of the thumbnail kept with a fingerprint: 64×64 greyscale bytes, 5,464 characters of base64. */
export const thumbnailSide = 64;
/** Radius of the box whose mean is the "background" the detail is measured against. */
const backgroundRadius = 3;
/**
 * Detail weaker than this (root mean square, grey levels of 255) is too faint to compare: such an image is
 * judged on its overall correlation and its hashes.
 */
export const faintDetail = 1.5;

export interface PixelComparison {
  overall: number;
  detail: number;
  /** The weaker of the two images' detail strengths (RMS grey levels). */
  detailStrength: number;
}

/** The thumbnail of an image (already squeezed square), as base64 of its bytes. */
export function thumbnailOf(image: GreyImage): string {
  const grid = resampleRegion(image, 0, 0, image.width, image.height, thumbnailSide);
  return Buffer.from(Uint8Array.from(grid, (v) => Math.round(v))).toString('base64');
}

export function decodeThumbnail(base64: string): GreyImage {
  const pixels = Buffer.from(base64, 'base64');
  if (pixels.length !== thumbnailSide * thumbnailSide) throw new Error(`not a ${thumbnailSide}×${thumbnailSide} thumbnail: ${pixels.length} bytes`);
  return { width: thumbnailSide, height: thumbnailSide, pixels };
}

/**
 * Compares view `viewA` of thumbnail a with view `viewB` of thumbnail b. A crop is rarely centred and
 * rarely exactly 5% or 10%, so, when refining, b's region is also tried 2% larger and smaller and shifted
 * 1% each way; the best-aligned comparison counts.
 */
export function comparePixels(a: GreyImage, viewA: ViewName, b: GreyImage, viewB: ViewName, refine = true): PixelComparison {
  const sampleA = viewSample(a, viewRegions[viewA].keep, 0, 0, viewRegions[viewA].mirrored);
  const offsets = refine ? [0, -0.01, 0.01] : [0];
  let best: PixelComparison | null = null;
  for (const scale of refine ? [1, 0.98, 1.02] : [1]) {
    for (const dy of offsets) {
      for (const dx of offsets) {
        const sampleB = viewSample(b, Math.min(viewRegions[viewB].keep * scale, 1), dx, dy, viewRegions[viewB].mirrored);
        const found = {
          overall: likeness(sampleA.grid, sampleB.grid),
          detail: correlation(sampleA.detail, sampleB.detail),
          detailStrength: Math.min(sampleA.strength, sampleB.strength),
        };
        if (!best || pixelScore(found) > pixelScore(best)) best = found;
      }
    }
  }
  return best!;
}

interface ViewSample {
  grid: Float64Array;
  detail: Float64Array;
  strength: number;
}

/**
 * The regions already cut from each thumbnail, with their detail: a candidate pair compares the same views
 * for several view pairs and again when refining. Kept as long as the thumbnail object lives (one pair).
 */
const samples = new WeakMap<GreyImage, Map<string, ViewSample>>();

function viewSample(image: GreyImage, keep: number, dx: number, dy: number, mirrored: boolean): ViewSample {
  let cut = samples.get(image);
  if (!cut) samples.set(image, (cut = new Map()));
  const key = `${keep} ${dx} ${dy} ${mirrored}`;
  let sample = cut.get(key);
  if (!sample) {
    const grid = alignedView(image, keep, dx, dy, mirrored);
    const detail = detailOf(grid);
    cut.set(key, (sample = { grid, detail, strength: rms(detail) }));
  }
  return sample;
}

/** How well a comparison confirms a match: its weaker correlation (detail too faint to compare counts as 1). */
export function pixelScore(p: PixelComparison): number {
  return Math.min(p.overall, p.detailStrength < faintDetail ? 1 : p.detail);
}

/** The centred region keeping `keep` of each side, moved by (dx, dy) of the side, on a 64×64 grid. */
function alignedView(image: GreyImage, keep: number, dx: number, dy: number, mirrored: boolean): Float64Array {
  const n = thumbnailSide;
  const side = n * keep;
  // 2×2 samples a cell: the thumbnail is barely rescaled, and this runs 28 times a candidate pair.
  const grid = resampleRegion(image, (n - side) / 2 + dx * n, (n - side) / 2 + dy * n, side, side, n, n, 2);
  if (!mirrored) return grid;
  const flipped = new Float64Array(n * n);
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) flipped[y * n + x] = grid[y * n + (n - 1 - x)]!;
  return flipped;
}

/**
 * The grid minus the mean of the box around each cell, for the cells whose box lies inside the grid: at
 * the border a clipped box would turn a plain gradient into false "detail" shared by every gradient poster.
 */
function detailOf(grid: Float64Array): Float64Array {
  const n = thumbnailSide;
  const r = backgroundRadius;
  // Summed-area table: each box mean in constant time.
  const sums = new Float64Array((n + 1) * (n + 1));
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++)
      sums[(y + 1) * (n + 1) + x + 1] = grid[y * n + x]! + sums[y * (n + 1) + x + 1]! + sums[(y + 1) * (n + 1) + x]! - sums[y * (n + 1) + x]!;
  }
  const inner = n - 2 * r;
  const detail = new Float64Array(inner * inner);
  const box = (2 * r + 1) ** 2;
  for (let y = r; y < n - r; y++) {
    for (let x = r; x < n - r; x++) {
      const sum =
        sums[(y + r + 1) * (n + 1) + x + r + 1]! -
        sums[(y - r) * (n + 1) + x + r + 1]! -
        sums[(y + r + 1) * (n + 1) + x - r]! +
        sums[(y - r) * (n + 1) + x - r]!;
      detail[(y - r) * inner + x - r] = grid[y * n + x]! - sum / box;
    }
  }
  return detail;
}

/**
 * How alike two grids are overall: their correlation, except that two flat grids (a plain background, a
 * blank page: no variation to correlate) are alike when their mean grey is, and a flat and a varied
 * grid are not.
 */
function likeness(a: Float64Array, b: Float64Array): number {
  const flatA = isFlat(a);
  const flatB = isFlat(b);
  if (flatA && flatB) return Math.abs(mean(a) - mean(b)) <= flatGreyTolerance ? 1 : 0;
  return flatA || flatB ? 0 : correlation(a, b);
}

/** Grey levels (of 255) two flat grids may differ by and still be one picture: a 10% brightening of a mid grey. */
const flatGreyTolerance = 16;
/** Below this spread (grey levels, RMS about the mean) a grid has nothing to correlate. */
const flatSpread = 1;

const isFlat = (grid: Float64Array) => {
  const m = mean(grid);
  let sum = 0;
  for (const v of grid) sum += (v - m) ** 2;
  return Math.sqrt(sum / grid.length) < flatSpread;
};

/** Pearson correlation; 0 when either side is flat. */
function correlation(a: Float64Array, b: Float64Array): number {
  const meanA = mean(a);
  const meanB = mean(b);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]! - meanA;
    const y = b[i]! - meanB;
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  return aa === 0 || bb === 0 ? 0 : ab / Math.sqrt(aa * bb);
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

function rms(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v * v;
  return Math.sqrt(sum / values.length);
}
