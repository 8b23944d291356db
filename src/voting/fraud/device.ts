import type { Detector } from './detector.ts';
import { hoursOf } from './detector.ts';
import { thresholds } from './thresholds.ts';
import { GroupWindows } from './window.ts';

/**
 * One device signature behind many addresses: an emulator image or scripted browser sending votes
 * through a proxy pool. A popular phone's signature is shared by thousands too, but its owners vote
 * like everyone else; this one's votes go mostly to one entry, far above that entry's share of
 * everyone else's votes (the lift).
 */
export function deviceDetector(t = thresholds.device): Detector {
  // Dimensions of (device, entry): voters, addresses.
  const pairs = new GroupWindows(t.windowMs, 2);
  const totals = new GroupWindows(t.windowMs, 0);
  return {
    observe(vote, context) {
      if (!vote.device) return undefined;
      const { at, phase } = context;
      const pair = pairs.add(`${phase}|${vote.device}|${vote.registrationId}`, at, vote.id, [vote.voterId, vote.address]);
      const device = totals.add(`d|${phase}|${vote.device}`, at, '', []).size;
      const entry = totals.add(`e|${phase}|${vote.registrationId}`, at, '', []).size;
      const all = totals.add(`p|${phase}`, at, '', []).size;
      const voters = pair.distinctCount(0);
      const addresses = pair.distinctCount(1);
      const share = pair.size / device;
      const othersShare = (entry - pair.size + 1) / (all - device + 1);
      if (voters < t.voters || addresses < t.addresses || share < t.share || share < othersShare * t.lift) return undefined;
      const hours = hoursOf(t.windowMs);
      const percent = Math.round(share * 100);
      return {
        reason: {
          signal: 'shared-device',
          detail: {
            zh: `${hours} 小时内同一设备特征从 ${addresses} 个地址为该作品投了 ${pair.size} 票，占该设备所有投票的 ${percent}%`,
            en: `One device signature cast ${pair.size} votes for this entry from ${addresses} addresses within ${hours} h, ${percent}% of all its votes`,
          },
        },
        voteIds: pair.takeUnreported(),
      };
    },
  };
}
