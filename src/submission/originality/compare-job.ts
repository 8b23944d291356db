import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { ImageFingerprint } from './fingerprint.ts';
import { imagesLookAlike, packViews } from './image-match.ts';
import { findNearDuplicates, type FingerprintedWork, type NearDuplicate } from './rules.ts';

/**
 * One comparison of a contest's works, as the worker thread runs it (compare-worker.mjs). The pixel
 * verdicts of candidate pairs are kept between reports, by the two fingerprints' content, so a second
 * report on an unchanged contest runs no pixel check. In memory, not in a table: a verdict costs about
 * 30 ms to recompute and nothing to lose, a fingerprint's content names it whatever file or contest it
 * belongs to, and a table would be written on every report.
 */

/** Verdicts kept (least recently used dropped first): about 100 bytes each, every candidate pair of a few contests of hundreds of images. */
const verdictCacheSize = 100_000;
/** The least time between two progress messages: the organiser's page polls about twice a second. */
const progressIntervalMs = 200;

const verdicts = new LRUCache<string, boolean>({ max: verdictCacheSize });

export interface Comparison {
  pairs: NearDuplicate[];
  /** Pairs of images within the hash threshold, each given a pixel verdict. */
  candidates: number;
  /** Verdicts not found in the cache, so checked pixel by pixel. */
  pixelChecks: number;
}

/** The stored fingerprint's content, whatever the order of its JSON's keys: its algorithm, hashes and thumbnail. */
const contentDigest = (f: ImageFingerprint) =>
  createHash('sha256').update(f.algorithm).update('\n').update(f.thumbnail).update('\n').update(packViews(f.views).join(' ')).digest('base64url').slice(0, 22);

export function compareWorks(works: readonly FingerprintedWork[], progress: (checked: number, candidates: number) => void): Comparison {
  const digests = new Map<ImageFingerprint, string>();
  const digestOf = (f: ImageFingerprint) => digests.get(f) ?? digests.set(f, contentDigest(f)).get(f)!;
  let candidates = 0;
  let pixelChecks = 0;
  let reported = 0;
  const pairs = findNearDuplicates(works, {
    imagesLookAlike: (a, b) => {
      const key = `${digestOf(a)} ${digestOf(b)}`;
      let verdict = verdicts.get(key);
      if (verdict === undefined) {
        pixelChecks++;
        verdicts.set(key, (verdict = imagesLookAlike(a, b)));
      }
      return verdict;
    },
    progress: (checked, total) => {
      candidates = total;
      const now = performance.now();
      if (checked === total || now - reported >= progressIntervalMs) {
        reported = now;
        progress(checked, total);
      }
    },
  });
  return { pairs, candidates, pixelChecks };
}
