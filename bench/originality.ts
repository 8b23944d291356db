/**
 * Image originality measured on posters of four kinds (photo, flat design, gradient, text-heavy):
 * BENCH_ORIGINALS originals per kind (30 by default, as the originality issue asks; seeded, so every run measures the same images),
 * each altered in every way of test/support/test-images.ts, as in the test of image-match.ts but larger.
 *
 *   npm run bench:originality
 *
 * Prints the table, then, as its last line, one JSON object:
 * { originals, alterations, seconds, kinds: { photo: { foundRate, falseRate, found, falseOriginalPairs, originalPairs, falseCopyPairs, copyPairs }, … } }.
 */
import { imageAlterations } from '../test/support/test-images.ts';
import { measureKind, measurementTable, type KindMeasurement } from '../test/support/originality-measurement.ts';
import { posterKinds } from '../test/support/test-posters.ts';

const originals = Number(process.env.BENCH_ORIGINALS ?? 30);
const started = performance.now();
const measured: KindMeasurement[] = [];
for (const kind of posterKinds) {
  measured.push(await measureKind(kind, originals));
  process.stderr.write(`${kind}: done after ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
}
console.log(measurementTable(measured));
console.log(
  JSON.stringify({
    originals,
    alterations: imageAlterations.length,
    seconds: Math.round((performance.now() - started) / 1000),
    kinds: Object.fromEntries(
      measured.map(({ kind, foundRate, falseRate, found, falseOriginalPairs, originalPairs, falseCopyPairs, copyPairs }) => [
        kind,
        { foundRate, falseRate, found, falseOriginalPairs, originalPairs, falseCopyPairs, copyPairs },
      ]),
    ),
  }),
);
