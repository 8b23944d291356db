import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { fingerprintImage } from './fingerprint.ts';
import { hammingDistance, hashGridSize, phashOfGrid } from './image-hash.ts';
import { hashDistance, packViews } from './image-match.ts';
import { makeOriginalImage, seededRandom } from '../../../test/support/test-images.ts';

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
    expect(phashOfGrid(brighter)).toEqual(phashOfGrid(picture));
  });

  it('marks as unreliable the bits of a plain gradient whose coefficients are near the median, and keeps those of a textured picture', () => {
    const ones = (hex: string) => hammingDistance(hex, '0000000000000000');
    const gradient = grid((x, y) => 100 + x * 2 + y);
    const grain = seededRandom(5);
    const textured = grid(() => grain() * 255);
    expect(ones(phashOfGrid(gradient).reliable)).toBeLessThanOrEqual(16);
    expect(ones(phashOfGrid(textured).reliable)).toBeGreaterThanOrEqual(48);
  });

  it('gives a picture and its negative hashes apart in all but the DC bit', () => {
    const picture = grid((x, y) => 128 + 60 * Math.sin(x / 3) * Math.cos(y / 5) + x);
    const negative = grid((x, y) => 255 - (128 + 60 * Math.sin(x / 3) * Math.cos(y / 5) + x));
    expect(hammingDistance(phashOfGrid(picture).bits, phashOfGrid(negative).bits)).toBeGreaterThanOrEqual(60);
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
    expect(hashDistance(packViews(a.views), packViews(b.views))).toBeLessThanOrEqual(0.05);
  });

  it('reads a transparent PNG as if laid on white', async () => {
    const square =
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><circle cx="70" cy="90" r="50" fill="#224488"/><rect x="110" y="20" width="60" height="150" fill="#aa3311"/></svg>';
    const transparent = await sharp(Buffer.from(square)).png().toBuffer();
    const onWhite = await sharp(Buffer.from(square)).flatten({ background: '#ffffff' }).png().toBuffer();
    expect((await sharp(transparent).metadata()).hasAlpha).toBe(true);
    expect(await fingerprintImage(transparent)).toEqual(await fingerprintImage(onWhite));
  });

  it('names its algorithm, gives each view a pHash and a dHash with their reliable bits, and keeps a 64×64 thumbnail', async () => {
    const fingerprint = await fingerprintImage(await makeOriginalImage(2));
    expect(fingerprint.kind).toBe('image');
    expect(fingerprint.algorithm).toBe('phash-dhash-masked-thumb64/2');
    expect(Object.keys(fingerprint.views)).toEqual(['whole', 'centre95', 'centre90', 'mirrored']);
    for (const view of Object.values(fingerprint.views)) {
      for (const hash of [view.phash.bits, view.phash.reliable, view.dhash.bits, view.dhash.reliable]) expect(hash).toMatch(/^[0-9a-f]{16}$/);
    }
    expect(Buffer.from(fingerprint.thumbnail, 'base64').length).toBe(64 * 64);
  });

  it('rejects bytes that are not an image', async () => {
    await expect(fingerprintImage(Buffer.from('这不是图片'))).rejects.toThrow();
  });
});
