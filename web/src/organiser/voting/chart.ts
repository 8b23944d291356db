/**
 * The geometry of the votes-over-time chart, apart from drawing: each time bucket a bar of counted
 * votes with the held ones stacked on top, on a scale that ends at a round number. Buckets the
 * server leaves out (no vote in them) are gaps in time, not missing bars.
 */
import type { TimelineBucket } from '../../api/voting.ts';

export const bucketMs = { minute: 60_000, hour: 3_600_000 } as const;

export interface ChartBox {
  width: number;
  height: number;
}

export interface Bar {
  at: string;
  x: number;
  width: number;
  counted: { y: number; height: number; n: number };
  held: { y: number; height: number; n: number };
}

/** The smallest 1, 2 or 5 × 10ⁿ at or above `max` (1 for an empty chart): where the scale ends. */
export const roundedMax = (max: number) => {
  if (max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((step) => step * power).find((top) => top >= max)!;
};

/** The scale's labelled values: 0, a quarter, a half, three quarters and the top, whole numbers only. */
export const scaleTicks = (top: number) => [0, 0.25, 0.5, 0.75, 1].map((share) => share * top).filter((value) => Number.isInteger(value));

/** The buckets as bars in a box, oldest on the left; one slot per bucket step from the first to the last. */
export const barsOf = (buckets: readonly TimelineBucket[], step: number, box: ChartBox): { bars: Bar[]; top: number } => {
  if (buckets.length === 0) return { bars: [], top: 1 };
  const times = buckets.map((b) => Date.parse(b.at));
  const first = Math.min(...times);
  const slots = Math.round((Math.max(...times) - first) / step) + 1;
  const top = roundedMax(Math.max(...buckets.map((b) => b.counted + b.held)));
  const slot = box.width / slots;
  const gap = slot > 4 ? Math.min(2, slot * 0.2) : 0;
  const scale = (n: number) => (n / top) * box.height;
  const bars = buckets.map((bucket, i) => {
    const countedHeight = scale(bucket.counted);
    const heldHeight = scale(bucket.held);
    return {
      at: bucket.at,
      x: Math.round((times[i] - first) / step) * slot + gap / 2,
      width: slot - gap,
      counted: { y: box.height - countedHeight, height: countedHeight, n: bucket.counted },
      held: { y: box.height - countedHeight - heldHeight, height: heldHeight, n: bucket.held },
    };
  });
  return { bars, top };
};

/** Sums of a timeline: counted, held, and the busiest bucket. */
export const timelineTotals = (buckets: readonly TimelineBucket[]) => {
  let counted = 0;
  let held = 0;
  let busiest: TimelineBucket | undefined;
  for (const bucket of buckets) {
    counted += bucket.counted;
    held += bucket.held;
    if (!busiest || bucket.counted + bucket.held > busiest.counted + busiest.held) busiest = bucket;
  }
  return { counted, held, busiest };
};

/** At most `count` of the bars to label on the time axis, evenly spread, the first always among them. */
export const labelledBars = <T>(bars: readonly T[], count: number): T[] => {
  if (bars.length <= count) return [...bars];
  const every = Math.ceil(bars.length / count);
  return bars.filter((_, i) => i % every === 0);
};
