/**
 * Slow farms: a scheduler that casts each account's vote for the target at its own time of day,
 * every day, spread over the clock, so the entry gains at a steady low rate with no burst. Such an
 * account votes at the same minute of the day on day after day; some honest voters keep a habit
 * too, but at waking hours, while a farm's schedule covers the small hours as much as the evening.
 * Held: the on-schedule voters' votes for the entry, when there are at least `voters` of them and
 * their times of day are far from the hours the phase's voters keep (a Kolmogorov–Smirnov distance
 * from the times of day of all the phase's votes).
 */
import type { Firing, SignalVote } from './detector.ts';
import type { LocalTime } from './local-time.ts';
import { thresholds } from './thresholds.ts';

const minutesInDay = 1440;

interface Cast {
  id: string;
  day: number;
  minute: number;
}

/** The minute of day at the middle of the tightest arc holding casts on `days` distinct days, or undefined. */
function scheduleOf(casts: Cast[], days: number, tolerance: number): number | undefined {
  const sorted = [...casts].sort((a, b) => a.minute - b.minute);
  const around = [...sorted, ...sorted.map((cast) => ({ ...cast, minute: cast.minute + minutesInDay }))];
  for (let start = 0; start < sorted.length; start += 1) {
    const within = around.slice(start, start + sorted.length).filter((cast) => cast.minute - around[start].minute <= 2 * tolerance);
    if (new Set(within.map((cast) => cast.day)).size >= days) return (around[start].minute + tolerance) % minutesInDay;
  }
  return undefined;
}

/** The share of the phase's votes cast at or before each minute of the day. */
function clockOf(minutes: number[]): number[] {
  const counts = new Array<number>(minutesInDay).fill(0);
  for (const minute of minutes) counts[minute] += 1;
  let sum = 0;
  return counts.map((count) => (sum += count) / Math.max(1, minutes.length));
}

/** The Kolmogorov–Smirnov distance of these minutes of the day from the phase's clock. */
function distanceFrom(clock: number[], minutes: number[]): number {
  const sorted = [...minutes].sort((a, b) => a - b);
  return sorted.reduce((distance, minute, i) => {
    const before = minute === 0 ? 0 : clock[minute - 1];
    return Math.max(distance, (i + 1) / sorted.length - clock[minute], before - i / sorted.length);
  }, 0);
}

/** The slow farms of a vote phase's stream, as firings of the `slow` signal (one per entry). */
export function slowFirings(votes: readonly SignalVote[], localTime: (ms: number) => LocalTime, t = thresholds.slow): Firing[] {
  const casts = new Map<string, Map<string, Cast[]>>();
  const allMinutes: number[] = [];
  for (const vote of votes) {
    let byVoter = casts.get(vote.registrationId);
    if (!byVoter) casts.set(vote.registrationId, (byVoter = new Map()));
    let own = byVoter.get(vote.voterId);
    if (!own) byVoter.set(vote.voterId, (own = []));
    const { day, minuteOfDay } = localTime(vote.castAt.getTime());
    own.push({ id: vote.id, day, minute: minuteOfDay });
    allMinutes.push(minuteOfDay);
  }
  const clock = clockOf(allMinutes);
  const firings: Firing[] = [];
  for (const byVoter of casts.values()) {
    const scheduled = [...byVoter.values()].flatMap((own) => {
      if (new Set(own.map((cast) => cast.day)).size < t.days) return [];
      const minute = scheduleOf(own, t.days, t.toleranceMinutes);
      return minute === undefined ? [] : [{ own, minute }];
    });
    if (scheduled.length < t.voters) continue;
    const minutes = scheduled.map(({ minute }) => minute);
    if (distanceFrom(clock, minutes) * Math.sqrt(minutes.length) <= t.clockDistance) continue;
    const night = minutes.filter((minute) => minute >= t.nightFromHour * 60 && minute < t.nightToHour * 60).length;
    firings.push({
      reason: {
        signal: 'slow',
        detail: {
          zh: `${scheduled.length} 个号码至少 ${t.days} 天在每天同一时刻（前后 ${t.toleranceMinutes} 分钟内）投给该作品，这些时刻遍布全天、与其他投票者的作息不同（${night} 个在凌晨）`,
          en: `${scheduled.length} voters voted for this entry at the same time of day (within ${t.toleranceMinutes} min) on at least ${t.days} days, at times spread over the clock unlike other voters' hours (${night} in the small hours)`,
        },
      },
      voteIds: scheduled.flatMap(({ own }) => own.map((cast) => cast.id)),
    });
  }
  return firings;
}
