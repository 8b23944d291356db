import { describe, expect, it } from 'vitest';
import { formatCny, formatDate, formatDateTime, formatWindow, todayIn, windowState } from './format.ts';

describe('formatCny', () => {
  it('writes integer yuan with thousands separators', () => {
    expect(formatCny(156000)).toBe('¥156,000');
    expect(formatCny(5000)).toBe('¥5,000');
    expect(formatCny(1234567)).toBe('¥1,234,567');
    expect(formatCny(0)).toBe('¥0');
  });
});

describe('dates in the contest time zone', () => {
  it('shows the day in Shanghai even when it is still the day before in UTC', () => {
    expect(formatDate('2025-05-12T00:00:00+08:00', 'Asia/Shanghai', 'zh')).toBe('2025年5月12日');
    expect(formatDate('2025-05-12T00:00:00+08:00', 'Asia/Shanghai', 'en')).toBe('12 May 2025');
    expect(formatDate('2025-05-12T00:00:00+08:00', 'UTC', 'zh')).toBe('2025年5月11日');
  });

  it('shows a time of day on a 24-hour clock', () => {
    expect(formatDateTime('2025-09-28T09:00:00+08:00', 'Asia/Shanghai', 'zh')).toBe('2025年9月28日 09:00');
    expect(formatDateTime('2025-09-28T00:30:00+08:00', 'Asia/Shanghai', 'en')).toBe('28 Sep 2025 00:30');
  });

  it('writes a whole-day window as dates, one day once, and times only where the window has them', () => {
    expect(formatWindow('2025-05-12T00:00:00+08:00', '2025-09-09T23:59:59+08:00', 'Asia/Shanghai', 'zh')).toBe('2025年5月12日 — 2025年9月9日');
    expect(formatWindow('2025-09-28T00:00:00+08:00', '2025-09-28T23:59:59+08:00', 'Asia/Shanghai', 'en')).toBe('28 Sep 2025');
    expect(formatWindow('2025-09-28T09:00:00+08:00', '2025-09-28T17:30:00+08:00', 'Asia/Shanghai', 'zh')).toBe('2025年9月28日 09:00—17:30');
    expect(formatWindow('2025-09-12T00:00:00+08:00', '2025-09-16T18:00:00+08:00', 'Asia/Shanghai', 'zh')).toBe('2025年9月12日 — 2025年9月16日 18:00');
  });

  it('tells whether a window is upcoming, current or past', () => {
    const start = '2025-05-12T00:00:00+08:00';
    const end = '2025-09-09T23:59:59+08:00';
    expect(windowState(start, end, new Date('2025-05-11T15:59:59Z'))).toBe('upcoming');
    expect(windowState(start, end, new Date('2025-05-11T16:00:00Z'))).toBe('current');
    expect(windowState(start, end, new Date('2025-09-09T15:59:59Z'))).toBe('current');
    expect(windowState(start, end, new Date('2025-09-09T16:00:00Z'))).toBe('past');
  });

  it('gives today in a time zone for date inputs', () => {
    expect(todayIn('Asia/Shanghai', new Date('2025-05-11T16:30:00Z'))).toBe('2025-05-12');
    expect(todayIn('UTC', new Date('2025-05-11T16:30:00Z'))).toBe('2025-05-11');
  });
});
