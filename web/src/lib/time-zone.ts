import type { Lang } from '../i18n.ts';

/**
 * A time zone as the public reads it: 北京时间 (Beijing time) for China's, the one every seed uses,
 * and the zone's own long name otherwise (中欧标准时间, Central European Standard Time), never an
 * identifier such as Asia/Shanghai. `at` picks summer or standard time where a zone has both.
 */
export const timeZoneName = (timeZone: string, lang: Lang, at: Date = new Date()) => {
  if (timeZone === 'Asia/Shanghai') return lang === 'zh' ? '北京时间' : 'Beijing time (UTC+8)';
  const format = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en', { timeZone, timeZoneName: 'long' });
  return format.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
};
