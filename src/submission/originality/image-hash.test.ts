import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { fingerprintImage, type ImageFingerprint } from './fingerprint.ts';
import {
  hammingDistance,
  hashGridSize,
  imageDistance,
  packedDistance,
  packViews,
  imageDistanceThreshold,
  imagesLookAlike,
  imageViews,
  phashOfGrid,
} from './image-hash.ts';
import { alterImage, imageAlterations, makeOriginalImage, type ImageAlteration } from './test-images.ts';

describe('hammingDistance', () => {
  it('counts the differing bits of two 64-bit hashes', () => {
    expect(hammingDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2);
    expect(hammingDistance('f0f0f0f0f0f0f0f0', '0f0f0f0f0f0f0f0f')).toBe(64);
    expect(hammingDistance('00000000000000ff', '000000000000000f')).toBe(4);
  });

  it('refuses hashes of different lengths', () => {
    expect(() => hammingDistance('00', '0000')).toThrow('hashes of different lengths: 2 and 4');
  });
});

describe('phashOfGrid', () => {
  const grid = (value: (x: number, y: number) => number) => {
    const out = new Float64Array(hashGridSize * hashGridSize);
    for (let y = 0; y < hashGridSize; y++) for (let x = 0; x < hashGridSize; x++) out[y * hashGridSize + x] = value(x, y);
    return out;
  };

  it('gives the same hash to a picture and a brighter, lower-contrast version of it', () => {
    const picture = grid((x, y) => 128 + 60 * Math.sin(x / 3) * Math.cos(y / 5));
    const brighter = grid((x, y) => 170 + 45 * Math.sin(x / 3) * Math.cos(y / 5));
    expect(phashOfGrid(brighter)).toBe(phashOfGrid(picture));
  });

  it('gives a picture and its negative hashes apart in all but the DC bit', () => {
    const picture = grid((x, y) => 128 + 60 * Math.sin(x / 3) * Math.cos(y / 5) + x);
    const negative = grid((x, y) => 255 - (128 + 60 * Math.sin(x / 3) * Math.cos(y / 5) + x));
    expect(hammingDistance(phashOfGrid(picture), phashOfGrid(negative))).toBeGreaterThanOrEqual(60);
  });
});

describe('imageViews and imageDistance', () => {
  const raster = (width: number, height: number, value: (x: number, y: number) => number) => {
    const pixels = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = value(x, y);
    return { width, height, pixels };
  };
  const scene = (x: number, y: number) => (x * 2 + (Math.hypot(x - 40, y - 70) < 25 ? 90 : 0) + ((y >> 4) % 2) * 30) & 0xff;

  it('finds an image and its mirror image at distance 0, through the mirrored view', () => {
    const image = raster(128, 128, scene);
    const mirror = raster(128, 128, (x, y) => scene(127 - x, y));
    const a = imageViews(image);
    const b = imageViews(mirror);
    expect(hammingDistance(a.whole, b.whole)).toBeGreaterThan(imageDistanceThreshold);
    expect(a.mirrored).toBe(b.whole);
    expect(imageDistance(a, b)).toBe(0);
    expect(imagesLookAlike(a, b)).toBe(true);
  });

  it('finds a copy cropped by 5% on every side within a few bits, through the centre-90% view', () => {
    const image = raster(128, 128, scene);
    // The crop, upscaled back to 128×128 as fingerprint.ts would hand it over (nearest pixel).
    const cropped = raster(128, 128, (x, y) => scene(Math.round(6.4 + x * 0.9), Math.round(6.4 + y * 0.9)));
    const a = imageViews(image);
    const b = imageViews(cropped);
    expect(imageDistance(a, b)).toBeLessThanOrEqual(4);
    expect(hammingDistance(a.centre90, b.whole)).toBe(imageDistance(a, b));
  });
});

describe('packViews and packedDistance', () => {
  const views = { whole: '0000000000000000', centre95: '00000000000000ff', centre90: 'ff00000000000000', mirrored: 'ffffffffffffffff' };

  it('gives the same distances as imageDistance, without parsing hex again', () => {
    const other = { whole: 'ff0000000000000f', centre95: '0f0f0f0f0f0f0f0f', centre90: 'ffffffffffff0000', mirrored: '000000000000ffff' };
    expect(imageDistance(views, other)).toBe(4); // centre90 against whole
    expect(packedDistance(packViews(views), packViews(other))).toBe(4);
    expect(packedDistance(packViews(views), packViews(views))).toBe(0);
  });

  it('refuses a view that is not 16 lower-case hex digits', () => {
    expect(() => packViews({ ...views, centre90: 'XYZ' })).toThrow('not a 64-bit hash: XYZ');
  });
});

describe('fingerprintImage', () => {
  it('turns an image upright by its EXIF orientation before hashing it', async () => {
    const upright = await makeOriginalImage(1);
    // Orientation 6: the pixels are stored turned a quarter anticlockwise; a viewer turns them clockwise.
    const sideways = await sharp(upright).rotate(270).withMetadata({ orientation: 6 }).jpeg({ quality: 95 }).toBuffer();
    expect((await sharp(sideways).metadata()).orientation).toBe(6);
    const a = await fingerprintImage(upright);
    const b = await fingerprintImage(sideways);
    expect(imageDistance(a.views, b.views)).toBeLessThanOrEqual(2);
  });

  it('reads a transparent PNG as if laid on white', async () => {
    const square = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><circle cx="70" cy="90" r="50" fill="#224488"/><rect x="110" y="20" width="60" height="150" fill="#aa3311"/></svg>';
    const transparent = await sharp(Buffer.from(square)).png().toBuffer();
    const onWhite = await sharp(Buffer.from(square)).flatten({ background: '#ffffff' }).png().toBuffer();
    expect((await sharp(transparent).metadata()).hasAlpha).toBe(true);
    expect((await fingerprintImage(transparent)).views).toEqual((await fingerprintImage(onWhite)).views);
  });

  it('names its algorithm and gives 16 hex digits for each view', async () => {
    const fingerprint = await fingerprintImage(await makeOriginalImage(2));
    expect(fingerprint.kind).toBe('image');
    expect(fingerprint.algorithm).toBe('phash-dct64-views/1');
    expect(Object.keys(fingerprint.views)).toEqual(['whole', 'centre95', 'centre90', 'mirrored']);
    for (const hash of Object.values(fingerprint.views)) expect(hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('rejects bytes that are not an image', async () => {
    await expect(fingerprintImage(Buffer.from('这不是图片'))).rejects.toThrow();
  });
});

describe('detection of altered copies among 30 synthetic originals', () => {
  const originals = 30;
  /** family[i]: the fingerprints of original i and of each of its altered copies. */
  const families: Array<{ original: ImageFingerprint; copies: Map<ImageAlteration, ImageFingerprint> }> = [];

  beforeAll(async () => {
    const images = await Promise.all(Array.from({ length: originals }, (_, i) => makeOriginalImage(i)));
    for (let i = 0; i < originals; i++) families.push({ original: await fingerprintImage(images[i]!), copies: new Map() });
    for (const alteration of imageAlterations) {
      const copies = await Promise.all(
        images.map(async (image, i) => fingerprintImage(await alterImage(image, alteration, i))),
      );
      copies.forEach((copy, i) => families[i]!.copies.set(alteration, copy));
    }
  });

  it('finds at least 95% of the copies of each alteration, flipped ones included, and prints the rates', () => {
    const lines: string[] = [];
    for (const alteration of imageAlterations) {
      const distances = families.map((f) => imageDistance(f.original.views, f.copies.get(alteration)!.views));
      const found = distances.filter((d) => d <= imageDistanceThreshold).length;
      // For comparison: the plain pHash of the whole image, without the centre and mirrored views.
      const foundByWhole = families.filter(
        (f) => hammingDistance(f.original.views.whole, f.copies.get(alteration)!.views.whole) <= imageDistanceThreshold,
      ).length;
      lines.push(
        `  ${alteration.padEnd(36)} found ${found}/${originals} (${((100 * found) / originals).toFixed(1)}%), distance max ${Math.max(...distances)} bits; whole-image pHash alone: ${foundByWhole}/${originals}`,
      );
      expect(found / originals, alteration).toBeGreaterThanOrEqual(0.95);
    }
    console.log(`Images: altered copies found (threshold ${imageDistanceThreshold} of 64 bits)\n${lines.join('\n')}`);
  });

  it('flags at most 1% of the pairs of works made from different originals, and prints the rate', () => {
    const all = families.flatMap((f, i) => [f.original, ...f.copies.values()].map((fingerprint) => ({ i, fingerprint })));
    let pairs = 0;
    let flagged = 0;
    let closest = 64;
    for (let x = 0; x < all.length; x++) {
      for (let y = x + 1; y < all.length; y++) {
        if (all[x]!.i === all[y]!.i) continue;
        const distance = imageDistance(all[x]!.fingerprint.views, all[y]!.fingerprint.views);
        pairs++;
        closest = Math.min(closest, distance);
        if (distance <= imageDistanceThreshold) flagged++;
      }
    }
    console.log(
      `Images: false flags ${flagged}/${pairs} pairs of different originals (${((100 * flagged) / pairs).toFixed(3)}%), closest ${closest} bits`,
    );
    expect(pairs).toBe(27_840);
    expect(flagged / pairs).toBeLessThanOrEqual(0.01);
  });
});
