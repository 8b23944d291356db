import { fingerprintImage, type ImageFingerprint } from '../../src/submission/originality/fingerprint.ts';
import { closestMatch, confirmed, hashDistance, hashThreshold, packViews } from '../../src/submission/originality/image-match.ts';
import { alterImage, imageAlterations, type ImageAlteration } from './test-images.ts';
import { makePoster, posterKinds, type PosterKind } from './test-posters.ts';

/**
 * The measurement of image originality asked by the originality issue, shared by its test
 * (src/submission/originality/image-match.test.ts) and `npm run bench:originality`: per kind of poster,
 * `originals` posters (seeded, so every run measures the same images) and each altered in every way of
 * test-images.ts. Found: copies confirmed as near-duplicates of their original. False: distinct works
 * confirmed as alike — pairs of different originals of one kind (they share a template: the hard case),
 * and each copy against the other originals of its kind.
 */

export interface KindMeasurement {
  kind: PosterKind;
  originals: number;
  /** Copies found, per alteration, each out of `originals`. */
  found: Record<ImageAlteration, number>;
  foundRate: number;
  originalPairs: number;
  falseOriginalPairs: number;
  /** Each copy against every other original of its kind. */
  copyPairs: number;
  falseCopyPairs: number;
  /** Both false counts over both pair counts. */
  falseRate: number;
  /** Pairs of distinct works within the hash threshold, before the pixel check. */
  hashCandidates: number;
}

interface Family {
  original: ImageFingerprint;
  copies: Map<ImageAlteration, ImageFingerprint>;
}

async function familiesOf(kind: PosterKind, originals: number): Promise<Family[]> {
  const families: Family[] = [];
  for (let seed = 0; seed < originals; seed++) {
    const poster = await makePoster(kind, seed);
    const copies = await Promise.all(imageAlterations.map(async (alteration) => fingerprintImage(await alterImage(poster, alteration, seed))));
    families.push({ original: await fingerprintImage(poster), copies: new Map(imageAlterations.map((a, k) => [a, copies[k]!])) });
  }
  return families;
}

export async function measureKind(kind: PosterKind, originals: number): Promise<KindMeasurement> {
  const families = await familiesOf(kind, originals);
  const packed = families.map((f) => packViews(f.original.views));
  const found = Object.fromEntries(
    imageAlterations.map((alteration) => [alteration, families.filter((f) => confirmed(closestMatch(f.original, f.copies.get(alteration)!))).length]),
  ) as Record<ImageAlteration, number>;
  let hashCandidates = 0;
  // Distinct works: the hashes first, as the report does, then the pixels of the candidates.
  const flagged = (a: ImageFingerprint, packedA: Uint32Array, j: number) => {
    if (hashDistance(packedA, packed[j]!) > hashThreshold) return false;
    hashCandidates++;
    return confirmed(closestMatch(a, families[j]!.original, packedA, packed[j]));
  };
  let originalPairs = 0;
  let falseOriginalPairs = 0;
  let copyPairs = 0;
  let falseCopyPairs = 0;
  families.forEach((family, i) => {
    for (let j = i + 1; j < families.length; j++) {
      originalPairs++;
      if (flagged(family.original, packed[i]!, j)) falseOriginalPairs++;
    }
    for (const copy of family.copies.values()) {
      const packedCopy = packViews(copy.views);
      for (let j = 0; j < families.length; j++) {
        if (j === i) continue;
        copyPairs++;
        if (flagged(copy, packedCopy, j)) falseCopyPairs++;
      }
    }
  });
  const foundCount = Object.values(found).reduce((sum, n) => sum + n, 0);
  return {
    kind,
    originals,
    found,
    foundRate: foundCount / (originals * imageAlterations.length),
    originalPairs,
    falseOriginalPairs,
    copyPairs,
    falseCopyPairs,
    falseRate: (falseOriginalPairs + falseCopyPairs) / (originalPairs + copyPairs),
    hashCandidates,
  };
}

export async function measureOriginality(originals: number): Promise<KindMeasurement[]> {
  const measured: KindMeasurement[] = [];
  for (const kind of posterKinds) measured.push(await measureKind(kind, originals));
  return measured;
}

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;

/** The measurement as a table: one row per kind, the copies found per alteration, then the rates. */
export function measurementTable(measured: readonly KindMeasurement[]): string {
  const short = (a: string) => a.slice(0, 11).padEnd(12);
  const lines = [
    `Images: near-duplicates found and false flags per kind of poster (hash threshold ${hashThreshold} of reliable bits, then pixels)`,
    `kind      ${imageAlterations.map(short).join('')}found    false (originals)  false (copies)     candidates`,
  ];
  for (const m of measured) {
    lines.push(
      `${m.kind.padEnd(10)}${imageAlterations.map((a) => `${m.found[a]}/${m.originals}`.padEnd(12)).join('')}${percent(m.foundRate).padEnd(9)}` +
        `${`${m.falseOriginalPairs}/${m.originalPairs}`.padEnd(19)}${`${m.falseCopyPairs}/${m.copyPairs}`.padEnd(19)}${m.hashCandidates}`,
    );
  }
  return lines.join('\n');
}
