import { describe, expect, it } from 'vitest';
import type { Timeline } from '../../api/voting.ts';
import { barsOf, bucketMs, labelledBars, pointsOf, roundedMax, scaleTicks, timelineTotals } from './chart.ts';

const point = (at: string, counted: number, held = 0, rejected = 0) => ({ at, counted, held, rejected });

describe('where the scale ends', () => {
  it('is the next 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 2, 3, 7, 10, 11, 20, 42, 99, 100, 180, 501, 4321].map(roundedMax)).toEqual([1, 1, 2, 5, 10, 10, 20, 20, 50, 100, 100, 200, 1000, 5000]);
  });

  it('is labelled at whole quarters only', () => {
    expect(scaleTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(scaleTicks(2)).toEqual([0, 1, 2]);
    expect(scaleTicks(1)).toEqual([0, 1]);
  });
});

describe('the points charted', () => {
  const timeline: Timeline = {
    bucket: 'hour',
    timeZone: 'Asia/Shanghai',
    entries: [
      { entry: { id: 'r1', ref: 'JJJ-0001', title: '海报' }, points: [point('2025-09-12T02:00:00.000Z', 3, 1), point('2025-09-12T03:00:00.000Z', 2)] },
      { entry: { id: 'r2', ref: 'JJJ-0002', title: '小程序' }, points: [point('2025-09-12T01:00:00.000Z', 1), point('2025-09-12T02:00:00.000Z', 4, 0, 2)] },
    ],
  };

  it('are every entry’s added up per hour, oldest first', () => {
    expect(pointsOf(timeline)).toEqual([
      point('2025-09-12T01:00:00.000Z', 1),
      point('2025-09-12T02:00:00.000Z', 7, 1, 2),
      point('2025-09-12T03:00:00.000Z', 2),
    ]);
  });

  it('are one entry’s own, and none for an entry without votes', () => {
    expect(pointsOf(timeline, 'r2')).toEqual([point('2025-09-12T01:00:00.000Z', 1), point('2025-09-12T02:00:00.000Z', 4, 0, 2)]);
    expect(pointsOf(timeline, 'r9')).toEqual([]);
  });
});

describe('the bars of a timeline', () => {
  const box = { width: 400, height: 100 };

  it('stacks held and then rejected votes on counted ones, on a scale ending at a round number', () => {
    const { bars, top, slots } = barsOf([point('2025-09-12T01:00:00.000Z', 30), point('2025-09-12T02:00:00.000Z', 12, 8, 5)], bucketMs.hour, box);
    expect([top, slots]).toEqual([50, 2]);
    expect(bars.map((b) => [b.slot, b.x, b.width, b.counted, b.held, b.rejected])).toEqual([
      [0, 1, 198, { y: 40, height: 60, n: 30 }, { y: 40, height: 0, n: 0 }, { y: 40, height: 0, n: 0 }],
      [1, 201, 198, { y: 76, height: 24, n: 12 }, { y: 60, height: 16, n: 8 }, { y: 50, height: 10, n: 5 }],
    ]);
  });

  it('leaves the slot of a bucket without votes empty', () => {
    const { bars } = barsOf([point('2025-09-12T01:00:00.000Z', 1), point('2025-09-12T04:00:00.000Z', 1)], bucketMs.hour, box);
    expect(bars.map((b) => [b.slot, b.x])).toEqual([
      [0, 1],
      [3, 301],
    ]);
  });

  it('keeps room for `minSlots` bars, so a vote’s first hour is one narrow bar on the left', () => {
    const { bars, slots } = barsOf([point('2025-09-12T01:00:00.000Z', 3)], bucketMs.hour, box, 20);
    expect([slots, bars[0].x, bars[0].width]).toEqual([20, 1, 18]);
  });

  it('draws thin bars without gaps when there are many', () => {
    const points = Array.from({ length: 200 }, (_, i) => point(new Date(Date.UTC(2025, 8, 12) + i * 60_000).toISOString(), 1));
    const { bars } = barsOf(points, bucketMs.minute, box);
    expect([bars.length, bars[1].x, bars[1].width]).toEqual([200, 2, 2]);
  });

  it('is no bar for no bucket', () => {
    expect(barsOf([], bucketMs.hour, box)).toEqual({ bars: [], top: 1, slots: 0 });
  });
});

describe('a timeline’s totals', () => {
  it('sums counted, held and rejected votes and names the busiest bucket', () => {
    const busy = point('2025-09-12T02:00:00.000Z', 12, 30, 1);
    expect(timelineTotals([point('2025-09-12T01:00:00.000Z', 30), busy])).toEqual({ counted: 42, held: 30, rejected: 1, busiest: busy, busiestVotes: 43 });
  });
});

describe('the time axis labels', () => {
  const hours = (...slots: number[]) =>
    barsOf(
      slots.map((slot) => point(new Date(Date.UTC(2025, 8, 12) + slot * 3_600_000).toISOString(), 1)),
      bucketMs.hour,
      { width: 400, height: 100 },
    );

  it('are every bar when few', () => {
    const { bars, slots } = hours(0, 1, 2);
    expect(labelledBars(bars, slots, 6).map((b) => b.slot)).toEqual([0, 1, 2]);
  });

  it('stand at even steps of time, the step of an empty bucket left without a label', () => {
    const { bars, slots } = hours(0, 1, 2, 4, 5, 7, 8, 9, 10, 11, 12);
    expect(labelledBars(bars, slots, 6).map((b) => b.slot)).toEqual([0, 9, 12]);
  });
});
