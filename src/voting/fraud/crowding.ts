import type { Detector, SignalVote } from './detector.ts';
import { minutesOf } from './detector.ts';
import { thresholds } from './thresholds.ts';
import { GroupWindows } from './window.ts';

const places = {
  address: { signal: 'shared-address', zh: '同一地址', en: 'one address' },
  subnet: { signal: 'shared-subnet', zh: '同一网段', en: 'one subnet' },
} as const;

/**
 * Many voters for one entry from one address (or one /24, /48) on few devices: a phone farm, where
 * a handful of phones take turns with many SIM cards. A school class behind its campus NAT is as
 * many voters from one place, but each pupil brings their own phone, so it is not held.
 */
export function crowdingDetector(place: keyof typeof places, t = thresholds.crowding): Detector {
  const { signal, zh, en } = places[place];
  // Dimensions: voters, devices.
  const windows = new GroupWindows(t.windowMs, 2);
  return {
    observe(vote: SignalVote, context) {
      const where = vote[place];
      if (!where) return undefined;
      const group = windows.add(`${context.phase}|${vote.registrationId}|${where}`, context.at, vote.id, [vote.voterId, vote.device]);
      const voters = group.distinctCount(0);
      const devices = group.distinctCount(1);
      if (voters < t.voters || voters < devices * t.votersPerDevice) return undefined;
      const minutes = minutesOf(t.windowMs);
      return {
        reason: {
          signal,
          detail: {
            zh: `${minutes} 分钟内${zh} ${where} 有 ${voters} 个号码投给该作品，只用了 ${devices} 种设备`,
            en: `${voters} numbers from ${en} (${where}) voted for this entry within ${minutes} min on only ${devices} devices`,
          },
        },
        voteIds: group.takeUnreported(),
      };
    },
  };
}
