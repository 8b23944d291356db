import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { localTimeIn } from './local-time.ts';

const EPOCH_DAY = DateTime.fromISO('1970-01-01', { zone: 'UTC' });

/** What luxon says of the instant, in localTimeIn's terms. */
const byLuxon = (ms: number, zone: string) => {
  const local = DateTime.fromMillis(ms, { zone });
  const date = DateTime.fromISO(local.toISODate()!, { zone: 'UTC' });
  return { minuteOfDay: local.hour * 60 + local.minute, day: Math.round(date.diff(EPOCH_DAY, 'days').days) };
};

describe('localTimeIn', () => {
  it('agrees with luxon on every minute around offset changes, whole and half hour, and on Shanghai midnights', () => {
    const instants = [
      // New York's spring forward and fall back, Lord Howe's 30-minute shift, Kathmandu's +05:45.
      ['America/New_York', '2026-03-08T06:00:00Z'],
      ['America/New_York', '2026-11-01T05:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T14:00:00Z'],
      ['Asia/Kathmandu', '2026-06-30T18:00:00Z'],
      ['Asia/Shanghai', '2026-09-09T15:00:00Z'],
    ] as const;
    for (const [zone, iso] of instants) {
      const clock = localTimeIn(zone);
      const middle = Date.parse(iso);
      for (let ms = middle - 3 * 3_600_000; ms <= middle + 3 * 3_600_000; ms += 60_000)
        expect(clock(ms), `${zone} ${new Date(ms).toISOString()}`).toEqual(byLuxon(ms, zone));
    }
  });

  it('gives one clock per zone, so every caller shares its offsets', () => {
    expect(localTimeIn('Asia/Shanghai')).toBe(localTimeIn('Asia/Shanghai'));
    expect(localTimeIn('Asia/Shanghai')).not.toBe(localTimeIn('UTC'));
  });

  it('tells instants before 1970 by their local date too', () => {
    const ms = Date.parse('1969-12-31T16:30:00Z');
    expect(localTimeIn('Asia/Shanghai')(ms)).toEqual({ minuteOfDay: 30, day: 0 });
    expect(localTimeIn('UTC')(ms)).toEqual({ minuteOfDay: 16 * 60 + 30, day: -1 });
  });
});
