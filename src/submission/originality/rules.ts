import { closestMatch, confirmed, hashDistance, hashThreshold, packViews } from './image-match.ts';
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

/**
 * The pairs of near-duplicate works, most similar first. A pair is two works of the same kind and
 * algorithm from different registrations: a team's own versions of one work are not duplicates of each
 * other. Images' hashes are compared in all pairs (a few XORs each), and the pairs within the hash
 * threshold are confirmed by their thumbnails' pixels (image-match.ts); texts only in the candidate pairs
 * of an LSH index. Texts shorter than
 * `minTextCharacters` are left out.
 */
export function findNearDuplicates(works: readonly FingerprintedWork[]): NearDuplicate[] {
  const found: NearDuplicate[] = [];
  const images = works.filter((w): w is FingerprintedWork & { fingerprint: ImageFingerprint } => w.fingerprint.kind === 'image');
  const packed = images.map((w) => packViews(w.fingerprint.views));
  for (let i = 0; i < images.length; i++) {
    for (let j = i + 1; j < images.length; j++) {
      const a = images[i]!;
      const b = images[j]!;
      if (a.registrationId === b.registrationId || a.fingerprint.algorithm !== b.fingerprint.algorithm) continue;
      const distance = hashDistance(packed[i]!, packed[j]!);
      if (distance <= hashThreshold && confirmed(closestMatch(a.fingerprint, b.fingerprint, packed[i], packed[j]))) {
        found.push(pair(a, b, 'image', 1 - distance));
      }
    }
  }

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
