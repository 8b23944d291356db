import type { Lang } from '../i18n.ts';

/** Integer yuan with thousands separators: ¥156,000. */
export const formatCny = (yuan: number) => `¥${Math.round(yuan).toLocaleString('en-US')}`;

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading of an instant in a time zone. */
export const localParts = (iso: string, timeZone: string): LocalParts => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(iso));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
};

const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const dayText = (p: LocalParts, lang: Lang) => (lang === 'zh' ? `${p.year}年${p.month}月${p.day}日` : `${p.day} ${monthsEn[p.month - 1]} ${p.year}`);

const pad = (n: number) => String(n).padStart(2, '0');
const timeText = (p: LocalParts) => `${pad(p.hour)}:${pad(p.minute)}`;

/** A day in the contest's time zone: 2025年9月9日 / 9 Sep 2025. */
export const formatDate = (iso: string, timeZone: string, lang: Lang) => dayText(localParts(iso, timeZone), lang);

/** A moment in the contest's time zone, with the time of day: 2025年9月28日 09:00. */
export const formatDateTime = (iso: string, timeZone: string, lang: Lang) => {
  const p = localParts(iso, timeZone);
  return `${dayText(p, lang)} ${timeText(p)}`;
};

const sameDay = (a: LocalParts, b: LocalParts) => a.year === b.year && a.month === b.month && a.day === b.day;
const isStartOfDay = (p: LocalParts) => p.hour === 0 && p.minute === 0 && p.second === 0;
const isEndOfDay = (p: LocalParts) => p.hour === 23 && p.minute === 59 && p.second === 59;

/**
 * A window as a reader expects it, in the contest's time zone: whole days as dates
 * (2025年5月12日 — 2025年9月9日), one day once (2025年9月28日), times only where the window has them.
 */
export const formatWindow = (start: string, end: string, timeZone: string, lang: Lang) => windowParts(start, end, timeZone, lang).join(' — ');

/** The one or two ends of a window as formatWindow writes them, to be set apart without breaking inside a date. */
export const windowParts = (start: string, end: string, timeZone: string, lang: Lang): string[] => {
  const s = localParts(start, timeZone);
  const e = localParts(end, timeZone);
  const wholeDays = isStartOfDay(s) && isEndOfDay(e);
  if (wholeDays) return sameDay(s, e) ? [dayText(s, lang)] : [dayText(s, lang), dayText(e, lang)];
  if (sameDay(s, e)) return [`${dayText(s, lang)} ${timeText(s)}—${timeText(e)}`];
  const startText = isStartOfDay(s) ? dayText(s, lang) : `${dayText(s, lang)} ${timeText(s)}`;
  const endText = isEndOfDay(e) ? dayText(e, lang) : `${dayText(e, lang)} ${timeText(e)}`;
  return [startText, endText];
};

/** Where a window stands at `now`: before it opens, within it, or over. */
export const windowState = (start: string, end: string, now: Date): 'upcoming' | 'current' | 'past' => {
  const t = now.getTime();
  if (t < new Date(start).getTime()) return 'upcoming';
  if (t > new Date(end).getTime()) return 'past';
  return 'current';
};

/** A moment for timestamps like 提交于 / created: in Beijing time unless another zone is given, whatever the reader's own. */
export const formatStamp = (iso: string, lang: Lang, timeZone = 'Asia/Shanghai') => formatDateTime(iso, timeZone, lang);

/** Today's date in a time zone as YYYY-MM-DD, for date inputs. */
export const todayIn = (timeZone: string, now: Date = new Date()) => {
  const p = localParts(now.toISOString(), timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
};
