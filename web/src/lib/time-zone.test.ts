import { describe, expect, it } from 'vitest';
import { timeZoneName } from './time-zone.ts';

describe('the name of a time zone', () => {
  it('is 北京时间 / Beijing time for China’s', () => {
    expect(timeZoneName('Asia/Shanghai', 'zh')).toBe('北京时间');
    expect(timeZoneName('Asia/Shanghai', 'en')).toBe('Beijing time (UTC+8)');
  });

  it('is the zone’s long name in the reader’s language elsewhere, summer time in summer', () => {
    const winter = new Date('2025-01-15T00:00:00Z');
    const summer = new Date('2025-07-15T00:00:00Z');
    expect(timeZoneName('Europe/Berlin', 'zh', winter)).toBe('中欧标准时间');
    expect(timeZoneName('Europe/Berlin', 'en', winter)).toBe('Central European Standard Time');
    expect(timeZoneName('Europe/Berlin', 'en', summer)).toBe('Central European Summer Time');
    expect(timeZoneName('Asia/Hong_Kong', 'zh', winter)).toBe('香港标准时间');
  });
});
