import type { Detector } from './detector.ts';
import { minutesOf } from './detector.ts';
import { thresholds } from './thresholds.ts';
import { GroupWindows } from './window.ts';

const pad = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/**
 * Odd hours: many voters on one entry in the small hours (the contest's time zone), its share of
 * the night's votes far above its share of the waking hours' votes over the day before (the lift;
 * `priorVotes` more votes of other entries are assumed there, so a vote's first night has a
 * baseline too). Honest night owls are few and vote like everyone else; a farm run while the
 * organisers sleep stands out, however many others vote by day.
 */
export function oddHoursDetector(t = thresholds.oddHours): Detector {
  const nights = new GroupWindows(t.windowMs, 1);
  const days = new GroupWindows(t.dayMs, 0);
  return {
    observe(vote, context) {
      const entryKey = `${context.phase}|${vote.registrationId}`;
      const hour = Math.floor(context.minuteOfDay / 60);
      if (hour < t.fromHour || hour >= t.toHour) {
        days.add(entryKey, context.at, '', []);
        days.add(context.phase, context.at, '', []);
        return undefined;
      }
      const entryDay = days.peek(entryKey, context.at)?.size ?? 0;
      const phaseDay = days.peek(context.phase, context.at)?.size ?? 0;
      const group = nights.add(entryKey, context.at, vote.id, [vote.voterId]);
      const night = nights.add(context.phase, context.at, '', [undefined]).size;
      const voters = group.distinctCount(0);
      const share = group.size / night;
      const dayShare = (entryDay + 1) / (phaseDay + t.priorVotes);
      if (voters < t.voters || share < dayShare * t.lift) return undefined;
      const minutes = minutesOf(t.windowMs);
      const percent = Math.round(share * 100);
      return {
        reason: {
          signal: 'odd-hours',
          detail: {
            zh: `凌晨 ${pad(t.fromHour)}–${pad(t.toHour)} 之间 ${minutes} 分钟内有 ${voters} 个号码投给该作品，占这段时间所有投票的 ${percent}%，远高于它平时所占的份额`,
            en: `${voters} numbers voted for this entry within ${minutes} min between ${pad(t.fromHour)} and ${pad(t.toHour)}, ${percent}% of all votes then, far above its usual share`,
          },
        },
        voteIds: group.takeUnreported(),
      };
    },
  };
}
