/**
 * The geometry of the votes-over-time chart, apart from drawing: each time bucket a bar of counted
 * votes with the held and then the rejected ones stacked on top, on a scale that ends at a round
 * number. Buckets the server leaves out (no vote in them) are gaps in time, not missing bars.
 */
import type { Timeline, TimelinePoint } from '../../api/voting.ts';

export const bucketMs = { minute: 60_000, hour: 3_600_000 } as const;

export interface ChartBox {
  width: number;
  height: number;
}

/** One layer of a bar: where it starts and how tall it is, and the votes it stands for. */
export interface Layer {
  y: number;
  height: number;
  n: number;
}

export interface Bar {
  at: string;
  /** Which step of time from the first bucket: the bar's place on the axis. */
  slot: number;
  x: number;
  width: number;
  counted: Layer;
  held: Layer;
  rejected: Layer;
}

const total = (point: TimelinePoint) => point.counted + point.held + point.rejected;

/**
 * The points to chart: the one entry's, or every entry's added up per bucket, oldest first. An
 * entry the timeline does not list has no votes: no points.
 */
export const pointsOf = (timeline: Timeline, entryId?: string): TimelinePoint[] => {
  const entries = entryId === undefined ? timeline.entries : timeline.entries.filter((e) => e.entry.id === entryId);
  const byTime = new Map<string, TimelinePoint>();
  for (const point of entries.flatMap((e) => e.points)) {
    const sum = byTime.get(point.at) ?? { at: point.at, counted: 0, held: 0, rejected: 0 };
    byTime.set(point.at, { at: point.at, counted: sum.counted + point.counted, held: sum.held + point.held, rejected: sum.rejected + point.rejected });
  }
  return [...byTime.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
};

/** The smallest 1, 2 or 5 × 10ⁿ at or above `max` (1 for an empty chart): where the scale ends. */
export const roundedMax = (max: number) => {
  if (max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((step) => step * power).find((top) => top >= max)!;
};

/** The scale's labelled values: 0, a quarter, a half, three quarters and the top, whole numbers only. */
export const scaleTicks = (top: number) => [0, 0.25, 0.5, 0.75, 1].map((share) => share * top).filter((value) => Number.isInteger(value));

/**
 * The points as bars in a box, oldest on the left; one slot per bucket step from the first to the
 * last, and at least `minSlots` of them, so that the first hours of a vote are not one wall of a bar.
 */
export const barsOf = (points: readonly TimelinePoint[], step: number, box: ChartBox, minSlots = 1): { bars: Bar[]; top: number; slots: number } => {
  if (points.length === 0) return { bars: [], top: 1, slots: 0 };
  const times = points.map((p) => Date.parse(p.at));
  const first = Math.min(...times);
  const slots = Math.max(minSlots, Math.round((Math.max(...times) - first) / step) + 1);
  const top = roundedMax(Math.max(...points.map(total)));
  const slot = box.width / slots;
  const gap = slot > 4 ? Math.min(2, slot * 0.2) : 0;
  const scale = (n: number) => (n / top) * box.height;
  const bars = points.map((point, i) => {
    let base = box.height;
    const layer = (n: number): Layer => {
      const height = scale(n);
      base -= height;
      return { y: base, height, n };
    };
    const at = Math.round((times[i] - first) / step);
    return {
      at: point.at,
      slot: at,
      x: at * slot + gap / 2,
      width: slot - gap,
      counted: layer(point.counted),
      held: layer(point.held),
      rejected: layer(point.rejected),
    };
  });
  return { bars, top, slots };
};

/** Sums of a timeline: counted, held, rejected, and the busiest bucket. */
export const timelineTotals = (points: readonly TimelinePoint[]) => {
  const sums = { counted: 0, held: 0, rejected: 0 };
  let busiest: TimelinePoint | undefined;
  for (const point of points) {
    sums.counted += point.counted;
    sums.held += point.held;
    sums.rejected += point.rejected;
    if (!busiest || total(point) > total(busiest)) busiest = point;
  }
  return { ...sums, busiest, busiestVotes: busiest ? total(busiest) : 0 };
};

/**
 * The bars to label on the time axis: those at every k-th step of time from the first, so labels
 * stand evenly apart whatever buckets are empty, at most about `count` of them.
 */
export const labelledBars = (bars: readonly Bar[], slots: number, count: number): Bar[] => {
  const every = Math.max(1, Math.ceil(slots / count));
  return bars.filter((bar) => bar.slot % every === 0);
};
