import { hashDistance, hashThreshold, imagesLookAlike, packViews } from './image-match.ts';
import type { Fingerprint, ImageFingerprint, TextFingerprint } from './fingerprint.ts';
import { estimatedJaccard, LshIndex, minTextCharacters, textSimilarityThreshold } from './text-hash.ts';

/**
 * Originality (原创性) within one contest: which works of different registrations are near-duplicates,
 * for the organiser to look at side by side. Pure: the fingerprints were computed when the files were stored.
 */

/** One fingerprinted file (or text field) of an entry. */
export interface FingerprintedWork {
  registrationId: string;
  /** What the organiser reads: the entry's number or title, and which file or field. */
  ref: string;
  fileId: string;
  fingerprint: Fingerprint;
}

export interface WorkRef {
  registrationId: string;
  ref: string;
  fileId: string;
}

export interface NearDuplicate {
  a: WorkRef;
  b: WorkRef;
  kind: 'image' | 'text';
  /** Images: 1 − the share of differing reliable bits of the closest views. Texts: estimated Jaccard similarity of shingles. */
  similarity: number;
}

/** What a caller of `findNearDuplicates` may add; the pairs found are the same with or without them. */
export interface ComparisonOptions {
  /**
   * The pixel verdict of a candidate pair of images, asked in content order (`contentOrder`), so that it
   * depends on the two fingerprints alone and a cache of verdicts may answer it (compare-job.ts).
   */
  imagesLookAlike?: (a: ImageFingerprint, b: ImageFingerprint) => boolean;
  /** Told after each candidate pair's pixel verdict, with how many candidates there are. */
  progress?: (checked: number, candidates: number) => void;
}

/**
 * The pairs of near-duplicate works, most similar first. A pair is two works of the same kind and
 * algorithm from different registrations: a team's own versions of one work are not duplicates of each
 * other. Images' hashes are compared in all pairs (a few XORs each), and the pairs within the hash
 * threshold are confirmed by their thumbnails' pixels (image-match.ts), the slow part (report progress
 * counts these); texts only in the candidate pairs of an LSH index. Texts shorter than
 * `minTextCharacters` are left out.
 */
export function findNearDuplicates(works: readonly FingerprintedWork[], options: ComparisonOptions = {}): NearDuplicate[] {
  const found: NearDuplicate[] = [];
  const images = works.filter((w): w is FingerprintedWork & { fingerprint: ImageFingerprint } => w.fingerprint.kind === 'image');
  const packed = images.map((w) => packViews(w.fingerprint.views));
  const candidates: { a: (typeof images)[number]; b: (typeof images)[number]; distance: number }[] = [];
  for (let i = 0; i < images.length; i++) {
    for (let j = i + 1; j < images.length; j++) {
      const a = images[i]!;
      const b = images[j]!;
      if (a.registrationId === b.registrationId || a.fingerprint.algorithm !== b.fingerprint.algorithm) continue;
      const distance = hashDistance(packed[i]!, packed[j]!);
      if (distance <= hashThreshold) candidates.push({ a, b, distance });
    }
  }
  const lookAlike = options.imagesLookAlike ?? imagesLookAlike;
  candidates.forEach(({ a, b, distance }, k) => {
    if (lookAlike(...contentOrder(a.fingerprint, b.fingerprint))) found.push(pair(a, b, 'image', 1 - distance));
    options.progress?.(k + 1, candidates.length);
  });

  const texts = works.filter(
    (w): w is FingerprintedWork & { fingerprint: TextFingerprint } => w.fingerprint.kind === 'text' && w.fingerprint.characters >= minTextCharacters,
  );
  const index = new LshIndex();
  texts.forEach((w, i) => index.add(i, w.fingerprint.signature));
  for (const [i, j] of index.candidatePairs()) {
    const a = texts[i]!;
    const b = texts[j]!;
    if (a.registrationId === b.registrationId || a.fingerprint.algorithm !== b.fingerprint.algorithm) continue;
    const similarity = estimatedJaccard(a.fingerprint.signature, b.fingerprint.signature);
    if (similarity >= textSimilarityThreshold) found.push(pair(a, b, 'text', similarity));
  }

  return found.sort((x, y) => y.similarity - x.similarity || compareRefs(x.a, y.a) || compareRefs(x.b, y.b));
}

/**
 * Two image fingerprints in an order of their own content: the pixel check refines the second image's
 * region only, so its verdict must not depend on which work the database listed first.
 */
function contentOrder(a: ImageFingerprint, b: ImageFingerprint): [ImageFingerprint, ImageFingerprint] {
  const key = (f: ImageFingerprint) => `${f.thumbnail} ${packViews(f.views).join(' ')}`;
  return key(a) <= key(b) ? [a, b] : [b, a];
}

function pair(x: FingerprintedWork, y: FingerprintedWork, kind: 'image' | 'text', similarity: number): NearDuplicate {
  const [a, b] = compareRefs(x, y) <= 0 ? [x, y] : [y, x];
  return { a: refOf(a), b: refOf(b), kind, similarity };
}

function refOf(work: FingerprintedWork): WorkRef {
  return { registrationId: work.registrationId, ref: work.ref, fileId: work.fileId };
}

function compareRefs(x: WorkRef, y: WorkRef): number {
  return x.ref < y.ref ? -1 : x.ref > y.ref ? 1 : x.fileId < y.fileId ? -1 : x.fileId > y.fileId ? 1 : 0;
}
