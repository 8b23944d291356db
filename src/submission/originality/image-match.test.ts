import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { fingerprintImage } from './fingerprint.ts';
import { imagesLookAlike } from './image-match.ts';
import { measureOriginality, measurementTable } from '../../../test/support/originality-measurement.ts';
import { faintGradientPoster, makePoster, type PosterKind } from '../../../test/support/test-posters.ts';

describe('a low-texture gradient poster and its re-saved copies', () => {
  it('finds the copy resized to 1000×750 at quality 80, and the one re-saved at quality 80', async () => {
    const poster = await faintGradientPoster();
    const original = await fingerprintImage(poster);
    const resized = await fingerprintImage(await sharp(poster).resize(1000, 750).jpeg({ quality: 80 }).toBuffer());
    const resaved = await fingerprintImage(await sharp(poster).jpeg({ quality: 80 }).toBuffer());
    expect(imagesLookAlike(original, resized)).toBe(true);
    expect(imagesLookAlike(original, resaved)).toBe(true);
  });
});

describe('plain pictures, with nothing to correlate', () => {
  const plain = (background: string, width = 1200, height = 800) =>
    sharp({ create: { width, height, channels: 3, background } })
      .jpeg()
      .toBuffer();

  it('finds the same plain picture uploaded twice, and its resized, brightened copy', async () => {
    const red = await fingerprintImage(await plain('#c33'));
    expect(imagesLookAlike(red, await fingerprintImage(await plain('#c33')))).toBe(true);
    expect(
      imagesLookAlike(
        red,
        await fingerprintImage(
          await sharp(await plain('#c33'))
            .resize(600, 400)
            .modulate({ brightness: 1.1 })
            .jpeg({ quality: 60 })
            .toBuffer(),
        ),
      ),
    ).toBe(true);
  });

  it('does not take plain pictures of other colours, or a plain one and a drawn one, for copies', async () => {
    const red = await fingerprintImage(await plain('#c33'));
    expect(imagesLookAlike(red, await fingerprintImage(await plain('#33c')))).toBe(false);
    expect(imagesLookAlike(red, await fingerprintImage(await makePoster('flat', 1)))).toBe(false);
  });
});

/**
 * The measurement of the originality issue (test/support/originality-measurement.ts), kept small for a
 * shared 2-core machine: 10 originals per kind, each altered in the 12 ways of test-images.ts; per kind,
 * the share of copies found, and the share of pairs of distinct works flagged (different originals, and
 * each copy against the other originals). `npm run bench:originality` measures 30 per kind.
 */
describe('near-duplicates of posters of four kinds', () => {
  /**
   * The bounds asserted, from 30 originals per kind (bench/originality.ts, 442 s): found 100% of every kind
   * but gradient (99.7%: one watermarked copy missed); false flags none among photos and text-heavy
   * posters, 0.16% of pairs among flat designs (1 of 435 pairs of originals, 16 of 10,440 copy pairs) and
   * 2.9% among gradient posters (15 of 435, 304 of 10,440): two gradient posters of one template, their
   * titles in one place on a pale background, correlate in the 64×64 thumbnail as copies do. The images are
   * seeded, so a change of these numbers is a change of the algorithm.
   */
  const bounds: Record<PosterKind, { found: number; falseRate: number }> = {
    photo: { found: 1, falseRate: 0 },
    flat: { found: 1, falseRate: 0.005 },
    gradient: { found: 0.97, falseRate: 0.05 },
    text: { found: 1, falseRate: 0 },
  };

  it('finds the altered copies and flags distinct works within the stated bounds per kind, and prints the table', async () => {
    const measured = await measureOriginality(10);
    console.log(measurementTable(measured));
    for (const m of measured) {
      expect(m.foundRate, `${m.kind}: share of copies found`).toBeGreaterThanOrEqual(bounds[m.kind].found);
      expect(m.falseRate, `${m.kind}: share of distinct pairs flagged`).toBeLessThanOrEqual(bounds[m.kind].falseRate);
    }
  }, 300_000);
});
