import type { Detector } from './detector.ts';
import { minutesOf } from './detector.ts';
import { thresholds } from './thresholds.ts';
import { GroupWindows } from './window.ts';

/**
 * Bursts on one entry from fresh numbers: many numbers first seen today voting for one entry within
 * minutes, most of them in virtual-operator ranges. A viral share brings as many fresh numbers, but
 * from the ranges everyone holds; a class brings forty. Only fresh votes are counted and held.
 */
export function burstDetector(t = thresholds.burst): Detector {
  // Dimensions: voters, voters on a virtual range.
  const windows = new GroupWindows(t.windowMs, 2);
  return {
    observe(vote, context) {
      if (!context.fresh) return undefined;
      const group = windows.add(`${context.phase}|${vote.registrationId}`, context.at, vote.id, [vote.voterId, context.virtual ? vote.voterId : undefined]);
      const fresh = group.distinctCount(0);
      const virtual = group.distinctCount(1);
      if (fresh < t.freshVoters || virtual < t.virtualVoters || virtual < fresh * t.virtualShare) return undefined;
      const minutes = minutesOf(t.windowMs);
      return {
        reason: {
          signal: 'burst',
          detail: {
            zh: `${minutes} 分钟内有 ${fresh} 个新号码（24 小时内首次出现）投给该作品，其中 ${virtual} 个属虚拟运营商号段`,
            en: `${fresh} numbers first seen within 24 h voted for this entry within ${minutes} min, ${virtual} of them in virtual-operator ranges`,
          },
        },
        voteIds: group.takeUnreported(),
      };
    },
  };
}
