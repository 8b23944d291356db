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
  /** Which step of time from the first bucket: the bar's place on the axis. */
  slot: number;
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
export const barsOf = (buckets: readonly TimelineBucket[], step: number, box: ChartBox): { bars: Bar[]; top: number; slots: number } => {
  if (buckets.length === 0) return { bars: [], top: 1, slots: 0 };
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
    const at = Math.round((times[i] - first) / step);
    return {
      at: bucket.at,
      slot: at,
      x: at * slot + gap / 2,
      width: slot - gap,
      counted: { y: box.height - countedHeight, height: countedHeight, n: bucket.counted },
      held: { y: box.height - countedHeight - heldHeight, height: heldHeight, n: bucket.held },
    };
  });
  return { bars, top, slots };
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

/**
 * The bars to label on the time axis: those at every k-th step of time from the first, so labels
 * stand evenly apart whatever buckets are empty, at most about `count` of them.
 */
export const labelledBars = (bars: readonly Bar[], slots: number, count: number): Bar[] => {
  const every = Math.max(1, Math.ceil(slots / count));
  return bars.filter((bar) => bar.slot % every === 0);
};
