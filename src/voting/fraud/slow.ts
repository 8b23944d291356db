/**
 * Slow farms: a scheduler that casts each account's vote for the target at its own time of day,
 * every day, spread over the clock, so the entry gains at a steady low rate with no burst. Such an
 * account votes at the same minute of the day on day after day; some honest voters keep a habit
 * too, but at waking hours, while a farm's schedule covers the small hours as much as the evening.
 * Held: the on-schedule voters' votes for the entry, when there are at least `voters` of them and
 * more of their times fall in the phase's quiet hours than chance allows for voters who keep the
 * hours everyone keeps (an evening habit is no sign; a schedule at 03:40 is).
 */
import type { Firing } from './detector.ts';
import { membersOf, type StreamIndex } from './stream-index.ts';
import { thresholds } from './thresholds.ts';

const minutesInDay = 1440;

/** How many distinct days the votes were cast on. */
const daysOf = (votes: ArrayLike<number>, stream: StreamIndex) => new Set(Array.from(votes, (vote) => stream.day[vote])).size;

/** The minute of day at the middle of the tightest arc holding votes on `days` distinct days, or undefined. */
function scheduleOf(votes: Int32Array, stream: StreamIndex, days: number, tolerance: number): number | undefined {
  const sorted = [...votes].sort((a, b) => stream.minute[a] - stream.minute[b]);
  const around = [...sorted, ...sorted].map((vote, i) => ({ vote, minute: stream.minute[vote] + (i < sorted.length ? 0 : minutesInDay) }));
  for (let start = 0; start < sorted.length; start += 1) {
    const within = around.slice(start, start + sorted.length).filter((cast) => cast.minute - around[start].minute <= 2 * tolerance);
    if (
      daysOf(
        within.map((cast) => cast.vote),
        stream,
      ) >= days
    )
      return (around[start].minute + tolerance) % minutesInDay;
  }
  return undefined;
}

/** The hours of the day with less than `share` of an even share of the phase's votes, and their share of the votes. */
function quietHoursOf(minutes: Int16Array, share: number) {
  const perHour = new Array<number>(24).fill(0);
  for (const minute of minutes) perHour[Math.floor(minute / 60)] += 1;
  const quiet = new Set(perHour.flatMap((count, hour) => (count < (share * minutes.length) / 24 ? [hour] : [])));
  return { quiet, mass: [...quiet].reduce((sum, hour) => sum + perHour[hour], 0) / Math.max(1, minutes.length) };
}

/** P(X ≥ k) for X binomial(n, p), summed in log space. */
function binomialTail(n: number, p: number, k: number): number {
  if (k <= 0) return 1;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let logChoose = 0;
  let tail = 0;
  for (let i = 0; i <= n; i += 1) {
    if (i > 0) logChoose += Math.log(n - i + 1) - Math.log(i);
    if (i >= k) tail += Math.exp(logChoose + i * Math.log(p) + (n - i) * Math.log(1 - p));
  }
  return tail;
}

/** The slow farms of a vote phase's stream, as firings of the `slow` signal (one per entry). */
export function slowFirings(stream: StreamIndex, t = thresholds.slow): Firing[] {
  const { quiet, mass } = quietHoursOf(stream.minute, t.quietShare);
  const firings: Firing[] = [];
  for (let entry = 0; entry < stream.entryCount; entry += 1) {
    const scheduled = [...membersOf(stream.pairsOfEntry, entry)].flatMap((pair) => {
      const own = membersOf(stream.votesOfPair, pair);
      if (daysOf(own, stream) < t.days) return [];
      const minute = scheduleOf(own, stream, t.days, t.toleranceMinutes);
      return minute === undefined ? [] : [{ own, minute }];
    });
    if (scheduled.length < t.voters) continue;
    const atQuietHours = scheduled.filter(({ minute }) => quiet.has(Math.floor(minute / 60))).length;
    if (binomialTail(scheduled.length, mass, atQuietHours) >= t.significance) continue;
    firings.push({
      reason: {
        signal: 'slow',
        detail: {
          zh: `${scheduled.length} 个号码至少 ${t.days} 天在每天同一时刻（前后 ${t.toleranceMinutes} 分钟内）投给该作品，其中 ${atQuietHours} 个的时刻在几乎无人投票的时段`,
          en: `${scheduled.length} voters voted for this entry at the same time of day (within ${t.toleranceMinutes} min) on at least ${t.days} days, ${atQuietHours} of them at hours when almost nobody votes`,
        },
      },
      voteIds: scheduled.flatMap(({ own }) => Array.from(own, stream.idOf)),
    });
  }
  return firings;
}
