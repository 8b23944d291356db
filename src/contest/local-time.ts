import { DateTime } from 'luxon';

const quarterHour = 15 * 60_000;
const minute = 60_000;
const day = 24 * 60 * minute;

export interface LocalTime {
  /** Minutes since local midnight, 0–1439. */
  minuteOfDay: number;
  /** Local calendar days since 1970-01-01: equal for two instants on the same local date. */
  day: number;
}

/** The zones' clocks made so far: one per zone for the whole process, its offsets shared by every caller. */
const clocks = new Map<string, (ms: number) => LocalTime>();

/**
 * The local time of instants in one time zone, fast enough for every vote (luxon takes some
 * microseconds an instant; a vote's limits look at every vote the voter cast): the zone's offset is
 * looked up once per quarter hour of time (offsets change only on such boundaries) and kept.
 */
export function localTimeIn(zone: string): (ms: number) => LocalTime {
  let clock = clocks.get(zone);
  if (!clock) clocks.set(zone, (clock = clockOf(zone)));
  return clock;
}

function clockOf(zone: string): (ms: number) => LocalTime {
  const offsets = new Map<number, number>();
  return (ms) => {
    const quarter = Math.floor(ms / quarterHour);
    let offset = offsets.get(quarter);
    if (offset === undefined) {
      offset = DateTime.fromMillis(quarter * quarterHour, { zone }).offset;
      offsets.set(quarter, offset);
    }
    const local = ms + offset * minute;
    return { minuteOfDay: Math.floor((((local % day) + day) % day) / minute), day: Math.floor(local / day) };
  };
}
