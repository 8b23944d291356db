import { fingerprintImage } from '../../src/submission/originality/fingerprint.ts';
import type { FingerprintedWork } from '../../src/submission/originality/rules.ts';
import { alterImage } from './test-images.ts';
import { makePoster } from './test-posters.ts';

/**
 * A contest's works for timing the originality report: `count` gradient posters of one template, one
 * registration each (the case with the most hash candidates, so the most pixel checks), and a
 * re-compressed copy of the first one handed in by one more registration, so the report finds a pair.
 */
export async function gradientPosterWorks(count: number, firstSeed = 0): Promise<FingerprintedWork[]> {
  const posters = await Promise.all(Array.from({ length: count }, (_, k) => makePoster('gradient', firstSeed + k)));
  const copy = await alterImage(posters[0]!, 're-saved at quality 80', firstSeed);
  const fingerprints = await Promise.all([...posters, copy].map((bytes) => fingerprintImage(bytes)));
  return fingerprints.map((fingerprint, k) => ({
    registrationId: `reg-${firstSeed + k}`,
    ref: `G-${String(firstSeed + k).padStart(3, '0')}`,
    fileId: `file:${firstSeed + k}`,
    fingerprint,
  }));
}
