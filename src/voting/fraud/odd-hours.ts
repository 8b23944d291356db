import type { Detector } from './detector.ts';
import { minutesOf } from './detector.ts';
import { thresholds } from './thresholds.ts';
import { GroupWindows } from './window.ts';

const pad = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/**
 * Odd hours: many voters on one entry in the small hours (the contest's time zone), when it takes
 * most of the night's votes. Honest night owls are few and vote like everyone else; a farm run while
 * the organisers sleep stands out.
 */
export function oddHoursDetector(t = thresholds.oddHours): Detector {
  const windows = new GroupWindows(t.windowMs, 1);
  const nights = new GroupWindows(t.windowMs, 0);
  return {
    observe(vote, context) {
      const hour = Math.floor(context.minuteOfDay / 60);
      if (hour < t.fromHour || hour >= t.toHour) return undefined;
      const group = windows.add(`${context.phase}|${vote.registrationId}`, context.at, vote.id, [vote.voterId]);
      const night = nights.add(context.phase, context.at, '', []).size;
      const voters = group.distinctCount(0);
      if (voters < t.voters || group.size < night * t.share) return undefined;
      const minutes = minutesOf(t.windowMs);
      const percent = Math.round((group.size / night) * 100);
      return {
        reason: {
          signal: 'odd-hours',
          detail: {
            zh: `凌晨 ${pad(t.fromHour)}–${pad(t.toHour)} 之间 ${minutes} 分钟内有 ${voters} 个号码投给该作品，占这段时间所有投票的 ${percent}%`,
            en: `${voters} numbers voted for this entry within ${minutes} min between ${pad(t.fromHour)} and ${pad(t.toHour)}, ${percent}% of all votes then`,
          },
        },
        voteIds: group.takeUnreported(),
      };
    },
  };
}
