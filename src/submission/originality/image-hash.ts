/**
 * Perceptual hashes of images (pure: pixels in, 64-bit hashes out; fingerprint.ts decodes files with sharp).
 *
 * Two hashes of different kinds, each with a mask of the bits it is sure of:
 * - the DCT pHash: the view, squeezed to a 32×32 grid (so aspect ratio and size no longer matter), is
 *   transformed by a 2-D DCT-II and the 8×8 lowest frequencies are compared with their median, one bit
 *   each. Low frequencies survive resizing, re-compression and a change of brightness.
 * - the difference hash (dHash): the grid averaged to 9×8, one bit for each pair of horizontal neighbours
 *   (is the left one brighter?). It reads edges and slopes, where the pHash reads the spectrum.
 *
 * Why masks: on a low-texture picture (a gradient poster, a flat design) most low-frequency coefficients
 * are near zero, so near the median, and the faint noise of a resize or a JPEG save flips their bits:
 * such a poster's pHash moved 18 of 64 bits when resized to 1000×750 at quality 80, further than unrelated
 * photos. A bit whose coefficient (or neighbour difference) lies within a small margin of its split is
 * marked unreliable, and two hashes are compared on the bits reliable in both (`maskedDistance`), as a
 * fraction of those bits.
 *
 * Views: a crop moves the whole-image bits, so each image keeps four views — the whole image, its centre
 * 95% and centre 90%, and the whole mirrored — and two images are compared by their closest pair of
 * views (image-match.ts). Hand-written because no maintained npm package hashes sharp's pixels this way.
 */

/** Side of the grid the hashes run over. */
export const hashGridSize = 32;
/** Side of the block of lowest frequencies kept: 8×8 = 64 bits. */
const lowFrequencies = 8;

/**
 * A pHash bit is unreliable when its coefficient is nearer the median than this share of the coefficients'
 * spread (their root mean square distance from the median). Measured in image-match.test.ts: it drops
 * the few bits that flip under re-compression and keeps most bits of textured pictures.
 */
const phashMargin = 0.1;
/** A dHash bit is unreliable when its two neighbours differ by less than this many grey levels (of 255). */
const dhashMargin = 1.5;

/** One hash with the mask of its reliable bits, each 64 bits as 16 hex digits (JSON-safe, readable). */
export interface MaskedHash {
  bits: string;
  reliable: string;
}

/** The hashes of one view of an image. */
export interface ViewHashes {
  phash: MaskedHash;
  dhash: MaskedHash;
}

export const viewNames = ['whole', 'centre95', 'centre90', 'mirrored'] as const;
export type ViewName = (typeof viewNames)[number];
export type ImageViews = Record<ViewName, ViewHashes>;

/** The share of each side a view keeps, and whether it is mirrored. */
export const viewRegions: Record<ViewName, { keep: number; mirrored: boolean }> = {
  whole: { keep: 1, mirrored: false },
  centre95: { keep: 0.95, mirrored: false },
  centre90: { keep: 0.9, mirrored: false },
  mirrored: { keep: 1, mirrored: true },
};

/** A greyscale raster, one byte (or one number) a pixel, row by row. */
export interface GreyImage {
  width: number;
  height: number;
  pixels: ArrayLike<number>;
}

/** The hashes of the four views of a greyscale image. */
export function imageViews(image: GreyImage): ImageViews {
  const views = {} as ImageViews;
  for (const name of viewNames) {
    const grid = viewGrid(image, name, hashGridSize);
    views[name] = { phash: phashOfGrid(grid), dhash: dhashOfGrid(grid) };
  }
  return views;
}

/** The region of a view, averaged down to an n×n grid (mirrored when the view is). */
export function viewGrid(image: GreyImage, view: ViewName, n: number): Float64Array {
  const { keep, mirrored } = viewRegions[view];
  const w = image.width * keep;
  const h = image.height * keep;
  const grid = resampleRegion(image, (image.width - w) / 2, (image.height - h) / 2, w, h, n);
  return mirrored ? mirrorGrid(grid, n) : grid;
}

/** The pHash of a 32×32 greyscale grid (values 0–255), with its reliable bits. */
export function phashOfGrid(grid: Float64Array): MaskedHash {
  const coefficients = dct2d(grid, hashGridSize);
  const low: number[] = [];
  for (let v = 0; v < lowFrequencies; v++) {
    for (let u = 0; u < lowFrequencies; u++) low.push(coefficients[v * hashGridSize + u]!);
  }
  const median = [...low].sort((x, y) => x - y)[low.length / 2]!;
  // The DC term (the mean brightness) is far above the rest: its bit is always set, and it is left out of
  // the spread, which it would swamp.
  const ac = low.slice(1);
  const spread = Math.sqrt(ac.reduce((sum, c) => sum + (c - median) ** 2, 0) / ac.length);
  return maskedHash(
    low.map((c) => c - median),
    phashMargin * spread,
  );
}

/** The dHash of a 32×32 greyscale grid: 9×8 cell means, left brighter than right, with its reliable bits. */
export function dhashOfGrid(grid: Float64Array): MaskedHash {
  const cells = resampleRegion({ width: hashGridSize, height: hashGridSize, pixels: grid }, 0, 0, hashGridSize, hashGridSize, 9, 8);
  const differences: number[] = [];
  for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) differences.push(cells[y * 9 + x]! - cells[y * 9 + x + 1]!);
  return maskedHash(differences, dhashMargin);
}

/** Bit i is set when value i is above 0; reliable when it is further than `margin` from 0. */
function maskedHash(values: readonly number[], margin: number): MaskedHash {
  let bits = '';
  let reliable = '';
  for (let nibble = 0; nibble < 16; nibble++) {
    let b = 0;
    let r = 0;
    for (let k = 0; k < 4; k++) {
      const value = values[nibble * 4 + k]!;
      b = (b << 1) | (value > 0 ? 1 : 0);
      r = (r << 1) | (Math.abs(value) > margin ? 1 : 0);
    }
    bits += b.toString(16);
    reliable += r.toString(16);
  }
  return { bits, reliable };
}

/** Bits in which two hashes of equal length (hex digits) differ. */
export function hammingDistance(a: string, b: string): number {
  if (a.length !== b.length) throw new Error(`hashes of different lengths: ${a.length} and ${b.length}`);
  let distance = 0;
  for (let i = 0; i < a.length; i += 8) distance += popcount(parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16));
  return distance;
}

export function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Averages the region (x0, y0, w, h) of the image — fractional edges allowed — down to an n×m grid:
 * each cell is the mean of samples×samples bilinear samples spread over its area.
 */
export function resampleRegion(image: GreyImage, x0: number, y0: number, w: number, h: number, n: number, m = n, samples = 4): Float64Array {
  const grid = new Float64Array(n * m);
  const pixels = image.pixels;
  const width = image.width;
  // A sample's column depends only on its cell's column, its row only on its cell's row: both are worked
  // out once here, not for each of the n×m×samples² samples (this runs ~30 times per candidate pair).
  const columns = axisSamples(x0, w, n, samples, image.width);
  const rows = axisSamples(y0, h, m, samples, image.height);
  for (let gy = 0; gy < m; gy++) {
    for (let gx = 0; gx < n; gx++) {
      let sum = 0;
      for (let sy = 0; sy < samples; sy++) {
        const r = gy * samples + sy;
        const top = rows.low[r]! * width;
        const bottom = rows.high[r]! * width;
        const fy = rows.fraction[r]!;
        for (let sx = 0; sx < samples; sx++) {
          const c = gx * samples + sx;
          const left = columns.low[c]!;
          const right = columns.high[c]!;
          const fx = columns.fraction[c]!;
          sum +=
            (pixels[top + left]! * (1 - fx) + pixels[top + right]! * fx) * (1 - fy) + (pixels[bottom + left]! * (1 - fx) + pixels[bottom + right]! * fx) * fy;
        }
      }
      grid[gy * n + gx] = sum / (samples * samples);
    }
  }
  return grid;
}

/**
 * Where the samples of `cells` cells over [start, start + length) of an axis of `size` pixels fall: for
 * each, the two pixels it lies between (clamped to the image) and its fraction of the way to the second.
 */
function axisSamples(start: number, length: number, cells: number, samples: number, size: number) {
  const count = cells * samples;
  const low = new Int32Array(count);
  const high = new Int32Array(count);
  const fraction = new Float64Array(count);
  const last = Math.max(size - 2, 0);
  for (let cell = 0; cell < cells; cell++) {
    for (let s = 0; s < samples; s++) {
      const at = Math.min(Math.max(start + ((cell + (s + 0.5) / samples) * length) / cells - 0.5, 0), size - 1);
      const k = cell * samples + s;
      low[k] = Math.min(Math.floor(at), last);
      high[k] = Math.min(low[k]! + 1, size - 1);
      fraction[k] = Math.min(at - low[k]!, 1);
    }
  }
  return { low, high, fraction };
}

function mirrorGrid(grid: Float64Array, n: number): Float64Array {
  const mirrored = new Float64Array(n * n);
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) mirrored[y * n + x] = grid[y * n + (n - 1 - x)]!;
  return mirrored;
}

let cosineTable: Float64Array | undefined;

/** 2-D DCT-II of an n×n grid (unnormalised: only the order of the coefficients matters here). */
function dct2d(grid: Float64Array, n: number): Float64Array {
  if (!cosineTable || cosineTable.length !== n * n) {
    cosineTable = new Float64Array(n * n);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) cosineTable[k * n + i] = Math.cos((Math.PI * (2 * i + 1) * k) / (2 * n));
  }
  const table = cosineTable;
  const rows = new Float64Array(n * n);
  for (let y = 0; y < n; y++) {
    for (let u = 0; u < n; u++) {
      let sum = 0;
      for (let x = 0; x < n; x++) sum += grid[y * n + x]! * table[u * n + x]!;
      rows[y * n + u] = sum;
    }
  }
  const out = new Float64Array(n * n);
  for (let u = 0; u < n; u++) {
    for (let v = 0; v < n; v++) {
      let sum = 0;
      for (let y = 0; y < n; y++) sum += rows[y * n + u]! * table[v * n + y]!;
      out[v * n + u] = sum;
    }
  }
  return out;
}
