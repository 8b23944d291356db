import type { Detector } from './detector.ts';
import { hoursOf } from './detector.ts';
import { thresholds } from './thresholds.ts';
import { GroupWindows, type WindowGroup } from './window.ts';

/**
 * Consecutive number blocks: a SIM pool's cards are bought in series, so its numbers lie close
 * together. Numbers are grouped in blocks of `blockSize`; a vote counts the voters of its block and
 * the two beside it on the same entry, so numbers less than three blocks apart are seen together.
 * Honest numbers are spread over whole ranges: five within 300 on one entry in hours do not happen.
 */
export function numberBlockDetector(t = thresholds.numberBlock): Detector {
  const windows = new GroupWindows(t.windowMs, 1);
  return {
    observe(vote, context) {
      if (context.number === undefined) return undefined;
      const block = Math.floor(context.number / t.blockSize);
      const key = (b: number) => `${context.phase}|${vote.registrationId}|${b}`;
      windows.add(key(block), context.at, vote.id, [vote.voterId]);
      const near = [block - 1, block, block + 1].map((b) => windows.peek(key(b), context.at)).filter((g): g is WindowGroup => g !== undefined);
      const voters = near.reduce((sum, group) => sum + group.distinctCount(0), 0);
      if (voters < t.voters) return undefined;
      const span = 3 * t.blockSize;
      const hours = hoursOf(t.windowMs);
      return {
        reason: {
          signal: 'number-block',
          detail: {
            zh: `${hours} 小时内有 ${voters} 个相近的号码（相差不到 ${span}）投给该作品`,
            en: `${voters} numbers less than ${span} apart voted for this entry within ${hours} h`,
          },
        },
        voteIds: near.flatMap((group) => group.takeUnreported()),
      };
    },
  };
}
