import { DateTime } from 'luxon';

/**
 * Phase windows are local to the contest's time zone. A published date (`2025-09-09`) as an end
 * means the whole day, so windows are half-open: [start, endExclusive).
 */
export interface Window {
  start: DateTime;
  endExclusive: DateTime;
}

const isDateOnly = (local: string) => local.length === 10;

export const localToInstant = (local: string, zone: string) => DateTime.fromISO(local, { zone });

export const windowOf = (phase: { start: string; end: string }, zone: string): Window => {
  const end = localToInstant(phase.end, zone);
  return {
    start: localToInstant(phase.start, zone),
    endExclusive: isDateOnly(phase.end) ? end.plus({ days: 1 }) : end.plus({ seconds: 1 }),
  };
};

export const isWithin = (window: Window, at: Date) => {
  const instant = at.getTime();
  return instant >= window.start.toMillis() && instant < window.endExclusive.toMillis();
};

/** ISO-8601 with the zone's offset, to the second: `2025-09-09T23:59:59+08:00`. */
export const isoWithOffset = (instant: DateTime) => instant.toISO({ suppressMilliseconds: true, includeOffset: true })!;

export const windowToIso = (window: Window) => ({
  start: isoWithOffset(window.start),
  end: isoWithOffset(window.endExclusive.minus({ seconds: 1 })),
});

/** Adds whole days to a local date or date-time, keeping the time of day. */
export const shiftLocal = (local: string, days: number) => {
  const shifted = DateTime.fromISO(local, { zone: 'UTC' }).plus({ days });
  return isDateOnly(local) ? shifted.toISODate()! : shifted.toFormat(local.length === 16 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss");
};

export const daysBetween = (fromLocal: string, toLocal: string) =>
  Math.round(DateTime.fromISO(toLocal.slice(0, 10), { zone: 'UTC' }).diff(DateTime.fromISO(fromLocal.slice(0, 10), { zone: 'UTC' }), 'days').days);

/**
 * An ISO-8601 time as an instant: with an offset (`…+08:00`, `…Z`) as written, without one in the
 * contest's time zone, so `2025-09-09T23:59:00` is that minute in Asia/Shanghai on any machine.
 * Undefined for anything else, a date without a time included.
 */
export const instantIn = (text: string, zone: string): Date | undefined => {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
  const at = DateTime.fromISO(text, { zone });
  return at.isValid ? at.toJSDate() : undefined;
};

export const localDateAt = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toISODate()!;
