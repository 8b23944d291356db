/**
 * Perceptual hashes of images (pure: pixels in, 64-bit hashes out; fingerprint.ts decodes files with sharp).
 *
 * The hash is the DCT pHash: the image, already greyscale and squeezed to a square grid (so its aspect
 * ratio and size no longer matter), is averaged down to 32×32, transformed by a 2-D DCT-II, and the 8×8
 * lowest frequencies are compared with their median — one bit each. Low frequencies survive resizing,
 * JPEG re-compression (which quantises the high ones) and a change of brightness (which moves only the
 * DC term, and the median with it).
 *
 * A crop is its weak side: cutting 5% from every side stretches what remains by 11% on the 32×32 grid and
 * moves ~10 of the 64 bits, as far as an unrelated image can come. So each image keeps a few views
 * (`imageViews`): the whole image, its centre 95% and its centre 90%, and the whole image mirrored. Two
 * images are compared by the closest pair of views, which holds a copy cropped by up to ~6% per side to
 * within a few bits of the original's matching centre view, and finds a horizontally flipped copy too.
 * Hand-written because the maths is forty lines and no maintained npm package offers a pHash over
 * sharp's pixels with these views; sharp does the decoding.
 */

/** Side of the grid the DCT runs over. */
export const hashGridSize = 32;
/** Side of the block of lowest frequencies kept: 8×8 = 64 bits. */
const lowFrequencies = 8;

/**
 * Two images whose closest views differ in at most this many of 64 bits look alike. Measured in
 * image-hash.test.ts on 30 synthetic originals and 7 altered copies of each (resized to 50% and 200%,
 * JPEG quality 40, cropped 3–5% per side, brightened, cropped + resized + re-compressed, flipped): copies
 * stay within 4 bits, and works from different originals no nearer than 14 (27,840 pairs). 10 sits in the
 * gap, leaving copies room for harsher edits. (pHash bits split at a median, so distances are even.)
 */
export const imageDistanceThreshold = 10;

/** The views of one image, each a 64-bit hash as 16 hex digits (JSON-safe, readable in a log). */
export interface ImageViews {
  whole: string;
  centre95: string;
  centre90: string;
  mirrored: string;
}

/** A greyscale raster, one byte a pixel, row by row. */
export interface GreyImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** The views of a greyscale image (see the module comment for why these four). */
export function imageViews(image: GreyImage): ImageViews {
  const whole = resampleRegion(image, 0, 0, image.width, image.height);
  return {
    whole: phashOfGrid(whole),
    centre95: phashOfGrid(centreRegion(image, 0.95)),
    centre90: phashOfGrid(centreRegion(image, 0.9)),
    mirrored: phashOfGrid(mirrorGrid(whole)),
  };
}

/** The pHash of a 32×32 greyscale grid (values 0–255), as 16 hex digits. */
export function phashOfGrid(grid: Float64Array): string {
  const coefficients = dct2d(grid, hashGridSize);
  const low: number[] = [];
  for (let v = 0; v < lowFrequencies; v++) {
    for (let u = 0; u < lowFrequencies; u++) low.push(coefficients[v * hashGridSize + u]!);
  }
  const median = [...low].sort((x, y) => x - y)[low.length / 2]!;
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble++) {
    let value = 0;
    for (let bit = 0; bit < 4; bit++) value = (value << 1) | (low[nibble * 4 + bit]! > median ? 1 : 0);
    hex += value.toString(16);
  }
  return hex;
}

/** Bits in which two hashes of equal length (hex digits) differ. */
export function hammingDistance(a: string, b: string): number {
  if (a.length !== b.length) throw new Error(`hashes of different lengths: ${a.length} and ${b.length}`);
  let distance = 0;
  for (let i = 0; i < a.length; i += 8) distance += popcount(parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16));
  return distance;
}

/**
 * The distance between two images: the fewest differing bits over the pairs of their views. Mirrored
 * against mirrored is left out, being the whole against the whole again.
 */
export function imageDistance(a: ImageViews, b: ImageViews): number {
  return packedDistance(packViews(a), packViews(b));
}

/**
 * The views as 32-bit words (whole, centre95, centre90, mirrored; two words each), for comparing many
 * images without parsing hex again: `packedDistance(packViews(a), packViews(b))` is `imageDistance(a, b)`.
 */
export function packViews(views: ImageViews): Uint32Array {
  const words = new Uint32Array(8);
  [views.whole, views.centre95, views.centre90, views.mirrored].forEach((hash, i) => {
    if (!/^[0-9a-f]{16}$/.test(hash)) throw new Error(`not a 64-bit hash: ${hash}`);
    words[2 * i] = parseInt(hash.slice(0, 8), 16);
    words[2 * i + 1] = parseInt(hash.slice(8), 16);
  });
  return words;
}

export function packedDistance(a: Uint32Array, b: Uint32Array): number {
  // mirrored × whole and whole × mirrored, then the 3×3 unmirrored pairs
  let best = Math.min(
    popcount(a[6]! ^ b[0]!) + popcount(a[7]! ^ b[1]!),
    popcount(a[0]! ^ b[6]!) + popcount(a[1]! ^ b[7]!),
  );
  for (let i = 0; i < 6; i += 2) {
    for (let j = 0; j < 6; j += 2) {
      const bits = popcount(a[i]! ^ b[j]!) + popcount(a[i + 1]! ^ b[j + 1]!);
      if (bits < best) best = bits;
    }
  }
  return best;
}

function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Whether two images are near-duplicates: at most `imageDistanceThreshold` bits apart. */
export function imagesLookAlike(a: ImageViews, b: ImageViews): boolean {
  return imageDistance(a, b) <= imageDistanceThreshold;
}

function centreRegion(image: GreyImage, keep: number): Float64Array {
  const w = image.width * keep;
  const h = image.height * keep;
  return resampleRegion(image, (image.width - w) / 2, (image.height - h) / 2, w, h);
}

/**
 * Averages the region (x0, y0, w, h) of the image — fractional edges allowed — down to a 32×32 grid:
 * each cell is the mean of 4×4 bilinear samples spread over its area.
 */
function resampleRegion(image: GreyImage, x0: number, y0: number, w: number, h: number): Float64Array {
  const n = hashGridSize;
  const samples = 4;
  const grid = new Float64Array(n * n);
  const at = (x: number, y: number) => image.pixels[y * image.width + x]!;
  for (let gy = 0; gy < n; gy++) {
    for (let gx = 0; gx < n; gx++) {
      let sum = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = Math.min(Math.max(x0 + ((gx + (sx + 0.5) / samples) * w) / n - 0.5, 0), image.width - 1);
          const y = Math.min(Math.max(y0 + ((gy + (sy + 0.5) / samples) * h) / n - 0.5, 0), image.height - 1);
          const ix = Math.min(Math.floor(x), image.width - 2 < 0 ? 0 : image.width - 2);
          const iy = Math.min(Math.floor(y), image.height - 2 < 0 ? 0 : image.height - 2);
          const fx = Math.min(x - ix, 1);
          const fy = Math.min(y - iy, 1);
          const ix1 = Math.min(ix + 1, image.width - 1);
          const iy1 = Math.min(iy + 1, image.height - 1);
          sum +=
            (at(ix, iy) * (1 - fx) + at(ix1, iy) * fx) * (1 - fy) + (at(ix, iy1) * (1 - fx) + at(ix1, iy1) * fx) * fy;
        }
      }
      grid[gy * n + gx] = sum / (samples * samples);
    }
  }
  return grid;
}

function mirrorGrid(grid: Float64Array): Float64Array {
  const n = hashGridSize;
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
