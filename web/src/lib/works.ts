import type { FileFacts, FieldRequirement, FileRequirement } from '../api/types.ts';
import { translate, type Lang } from '../i18n.ts';

/** Sizes as people read them: 812 B, 1.4 KB, 23.5 MB, 1.02 GB. */
export const formatBytes = (bytes: number) => {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(value >= 10 ? 1 : 2)} ${units[unit]}`;
};

/** A duration as a player shows it: 2:58, 1:02:03. */
export const formatClock = (seconds: number) => {
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
};

/** A length of time in words: 3 分钟, 90 秒, 2 小时 / 3 minutes, 90 seconds, 2 hours. */
export const formatSpan = (seconds: number, lang: Lang) => {
  if (seconds >= 3600 && seconds % 3600 === 0) return translate(lang, 'span.hours', { n: seconds / 3600 });
  if (seconds >= 60 && seconds % 60 === 0) return translate(lang, 'span.minutes', { n: seconds / 60 });
  return translate(lang, 'span.seconds', { n: seconds });
};

/** Whole days, hours and minutes left until `deadline`, or null once it has passed. */
export const timeLeft = (deadline: Date, now: Date) => {
  const ms = deadline.getTime() - now.getTime();
  if (ms <= 0) return null;
  const minutes = Math.floor(ms / 60_000);
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60, ms };
};

/** The countdown shown in the last three days: 还剩 2 天 5 小时 / 3 小时 12 分钟. */
export const countdownText = (deadline: Date, now: Date, lang: Lang) => {
  const left = timeLeft(deadline, now);
  if (!left || left.ms >= 3 * 86_400_000) return null;
  if (left.days > 0) return translate(lang, 'worksPage.leftDays', { d: left.days, h: left.hours });
  if (left.hours > 0) return translate(lang, 'worksPage.leftHours', { h: left.hours, m: left.minutes });
  return translate(lang, 'worksPage.leftMinutes', { m: Math.max(1, left.minutes) });
};

/** The requirement's rules in words: JPEG · 长边不少于 800 像素 · 须保留 EXIF 信息. */
export const fileRules = (file: FileRequirement, lang: Lang) => {
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(lang, key, vars);
  const parts = [file.kinds.map((k) => k.toUpperCase()).join('/')];
  if (file.count.max > 1) parts.push(t('works.count', { min: file.count.min, max: file.count.max }));
  if (file.maxSizeMb) parts.push(t('works.maxSize', { mb: file.maxSizeMb }));
  if (file.image?.minLongSidePx) parts.push(t('works.minLongSide', { px: file.image.minLongSidePx }));
  if (file.image?.minWidthPx || file.image?.minHeightPx) parts.push(t('works.minSize', { w: file.image.minWidthPx ?? '—', h: file.image.minHeightPx ?? '—' }));
  if (file.image?.exifRequired) parts.push(t('works.exif'));
  if (file.image?.colour) parts.push(t('works.colour'));
  if (file.video?.maxDurationSeconds) parts.push(t('works.maxDuration', { span: formatSpan(file.video.maxDurationSeconds, lang) }));
  if (file.video?.orientation) parts.push(t(`works.${file.video.orientation}`));
  if (file.video?.minWidthPx || file.video?.minHeightPx)
    parts.push(t('works.minVideoSize', { w: file.video.minWidthPx ?? '—', h: file.video.minHeightPx ?? '—' }));
  if (file.video?.subtitles === 'required') parts.push(t('works.subtitles'));
  return parts;
};

export const fieldRules = (field: FieldRequirement, lang: Lang) => {
  const parts = [translate(lang, field.type === 'url' ? 'works.link' : 'works.text')];
  if (field.maxChars) parts.push(translate(lang, 'works.maxChars', { n: field.maxChars }));
  if (field.minChars) parts.push(translate(lang, 'works.minChars', { n: field.minChars }));
  if (field.requiredWhen) parts.push(field.requiredWhen);
  return parts;
};

/** What the probes found, in words: 1200×800 · EXIF 有; 2:58 · 1920×1080 · 横屏; 12 页. */
export const factsText = (facts: FileFacts | null, lang: Lang): string[] => {
  if (!facts) return [];
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(lang, key, vars);
  const orientation = (o: string) => (o === 'landscape' || o === 'portrait' || o === 'square' ? t(`facts.${o}`) : o);
  switch (facts.kind) {
    case 'image': {
      const camera = [facts.exif?.make, facts.exif?.model].filter(Boolean).join(' ');
      return [
        `${facts.width}×${facts.height}`,
        facts.hasExif ? (camera ? t('facts.exifCamera', { camera }) : t('facts.exifYes')) : t('facts.exifNo'),
        ...(facts.colour === false ? [t('facts.greyscale')] : []),
      ];
    }
    case 'video':
      return [
        formatClock(facts.durationSeconds),
        `${facts.width}×${facts.height}`,
        orientation(facts.orientation),
        ...(facts.videoCodec ? [[facts.videoCodec, facts.audioCodec].filter(Boolean).join(' / ')] : []),
        facts.hasSubtitleTrack ? t('facts.subtitlesYes') : t('facts.subtitlesNo'),
      ];
    case 'pdf':
      return [t('facts.pages', { n: facts.pages }), ...(facts.textExtractable ? [] : [t('facts.noText')])];
    case 'slides':
      return [t('facts.slides', { n: facts.slides })];
    default:
      return [];
  }
};

const acceptByKind: Record<string, string[]> = {
  jpeg: ['.jpg', '.jpeg', 'image/jpeg'],
  png: ['.png', 'image/png'],
  pdf: ['.pdf', 'application/pdf'],
  ppt: ['.ppt', 'application/vnd.ms-powerpoint'],
  pptx: ['.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  mp4: ['.mp4', 'video/mp4'],
  mov: ['.mov', 'video/quicktime'],
  doc: ['.doc', 'application/msword'],
  docx: ['.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  zip: ['.zip', 'application/zip'],
};

/** The file picker's hint; the server detects the type from the content whatever the picker allowed. */
export const acceptFor = (kinds: readonly string[]) => kinds.flatMap((k) => acceptByKind[k] ?? []).join(',');
