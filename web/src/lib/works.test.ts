import { describe, expect, it } from 'vitest';
import { acceptFor, countdownText, factsText, fileRules, formatBytes, formatClock, formatSpan } from './works.ts';

describe('works formatting', () => {
  it('writes sizes in B, KB, MB and GB', () => {
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(1434)).toBe('1.40 KB');
    expect(formatBytes(23.5 * 1024 * 1024)).toBe('23.5 MB');
    expect(formatBytes(300 * 1024 * 1024)).toBe('300 MB');
  });

  it('writes durations as a player does, and spans in words', () => {
    expect(formatClock(178.4)).toBe('2:58');
    expect(formatClock(3723)).toBe('1:02:03');
    expect(formatSpan(180, 'zh')).toBe('3 分钟');
    expect(formatSpan(7200, 'zh')).toBe('2 小时');
    expect(formatSpan(90, 'en')).toBe('90 seconds');
  });

  it('counts down only in the last three days', () => {
    const deadline = new Date('2025-09-10T16:00:00Z');
    expect(countdownText(deadline, new Date('2025-09-01T00:00:00Z'), 'zh')).toBeNull();
    expect(countdownText(deadline, new Date('2025-09-08T11:00:00Z'), 'zh')).toBe('还剩 2 天 5 小时');
    expect(countdownText(deadline, new Date('2025-09-10T12:48:00Z'), 'en')).toBe('3 h 12 min left');
    expect(countdownText(deadline, new Date('2025-09-10T16:00:01Z'), 'zh')).toBeNull();
  });

  it('states image and video rules in words', () => {
    expect(
      fileRules({ id: 'image', name: '', kinds: ['jpeg'], required: true, count: { min: 1, max: 1 }, image: { minLongSidePx: 800, exifRequired: true } }, 'zh'),
    ).toEqual(['JPEG', '长边不少于 800 像素', '保留 EXIF 原始信息']);
    expect(
      fileRules(
        {
          id: 'video',
          name: '',
          kinds: ['mp4'],
          required: true,
          count: { min: 1, max: 1 },
          video: { maxDurationSeconds: 180, orientation: 'landscape', minWidthPx: 960, minHeightPx: 540 },
        },
        'zh',
      ),
    ).toEqual(['MP4', '时长不超过 3 分钟', '横屏', '不低于 960×540']);
  });

  it('describes what the probes found', () => {
    expect(
      factsText({ kind: 'image', fileKind: 'jpeg', mediaType: 'image/jpeg', width: 1200, height: 800, orientation: 'landscape', hasExif: true }, 'zh'),
    ).toEqual(['1200×800', 'EXIF 有']);
    expect(
      factsText(
        {
          kind: 'video',
          fileKind: 'mp4',
          mediaType: 'video/mp4',
          durationSeconds: 178,
          width: 1920,
          height: 1080,
          rotation: 0,
          orientation: 'landscape',
          hasSubtitleTrack: false,
        },
        'zh',
      ),
    ).toEqual(['2:58', '1920×1080', '横屏', '无字幕轨道']);
    expect(factsText({ kind: 'pdf', fileKind: 'pdf', mediaType: 'application/pdf', pages: 12, textExtractable: true }, 'zh')).toEqual(['12 页']);
  });

  it('suggests extensions and media types to the file picker', () => {
    expect(acceptFor(['jpeg', 'png'])).toBe('.jpg,.jpeg,image/jpeg,.png,image/png');
  });
});
