import type { z } from 'zod';
import type { fieldRequirementSchema, fileRequirementSchema } from '../contest/schema/works.ts';
import type { Problem } from '../platform/errors.ts';
import { countCharacters } from './probes/text.ts';
import type { FileFacts, ProbeResult } from './probes/types.ts';

/**
 * Each requirement of the definition becomes checks with stable codes and messages that give the
 * rule and the measured value ("图片长边 640 像素，要求不少于 800 像素"). Pure: probes run elsewhere.
 * A check is an `error` (the file is refused) or a `warning` (shown, not refused: a subtitle burned
 * into the picture has no track to detect).
 */
export type FileRequirement = z.infer<typeof fileRequirementSchema>;
export type FieldRequirement = z.infer<typeof fieldRequirementSchema>;

export interface CheckProblem extends Problem {
  severity: 'error' | 'warning';
}

const error = (code: string, zh: string, en: string): CheckProblem => ({ code, message: { zh, en }, severity: 'error' });
const warning = (code: string, zh: string, en: string): CheckProblem => ({ code, message: { zh, en }, severity: 'warning' });

const kindNames = (kinds: readonly string[]) => kinds.map((k) => k.toUpperCase()).join('/');

const minutes = (seconds: number) => {
  const whole = Math.round(seconds);
  const m = Math.floor(whole / 60);
  const s = whole % 60;
  return { zh: m > 0 ? `${m} 分${s > 0 ? ` ${s} 秒` : '钟'}` : `${s} 秒`, en: m > 0 ? `${m} min${s > 0 ? ` ${s} s` : ''}` : `${s} s` };
};

const orientationNames = { landscape: { zh: '横屏', en: 'landscape' }, portrait: { zh: '竖屏', en: 'portrait' }, square: { zh: '方形', en: 'square' } };

/** Checks one probed file against one file requirement. */
export const checkFile = (requirement: FileRequirement, probed: ProbeResult): CheckProblem[] => {
  if (!probed.ok) return [{ ...probed.refusal, severity: 'error' }];
  const { facts } = probed;
  if (!(requirement.kinds as string[]).includes(facts.fileKind)) {
    return [
      error(
        'file.kind_not_allowed',
        `文件类型为 ${facts.fileKind.toUpperCase()}，${requirement.name}要求 ${kindNames(requirement.kinds)}`,
        `The file is ${facts.fileKind.toUpperCase()}; ${requirement.name} must be ${kindNames(requirement.kinds)}`,
      ),
    ];
  }
  return [...checkSize(requirement, probed.size), ...checkFacts(requirement, facts)];
};

const checkSize = (requirement: FileRequirement, size: number): CheckProblem[] => {
  if (!requirement.maxSizeMb || size <= requirement.maxSizeMb * 1024 * 1024) return [];
  const mb = (size / 1024 / 1024).toFixed(1);
  return [
    error('file.too_large', `文件 ${mb} MB，要求不超过 ${requirement.maxSizeMb} MB`, `The file is ${mb} MB; at most ${requirement.maxSizeMb} MB is allowed`),
  ];
};

const checkFacts = (requirement: FileRequirement, facts: FileFacts): CheckProblem[] => {
  if (facts.kind === 'image' && requirement.image) return checkImage(requirement.image, facts);
  if (facts.kind === 'video' && requirement.video) return checkVideo(requirement.video, facts);
  return [];
};

const checkImage = (rule: NonNullable<FileRequirement['image']>, facts: Extract<FileFacts, { kind: 'image' }>): CheckProblem[] => {
  const found: CheckProblem[] = [];
  const longSide = Math.max(facts.width, facts.height);
  if (rule.minLongSidePx && longSide < rule.minLongSidePx) {
    found.push(
      error(
        'file.image.too_small',
        `图片长边 ${longSide} 像素，要求不少于 ${rule.minLongSidePx} 像素`,
        `The image's long side is ${longSide} px; at least ${rule.minLongSidePx} px is required`,
      ),
    );
  }
  if ((rule.minWidthPx && facts.width < rule.minWidthPx) || (rule.minHeightPx && facts.height < rule.minHeightPx)) {
    const need = `${rule.minWidthPx ?? '—'}×${rule.minHeightPx ?? '—'}`;
    found.push(
      error(
        'file.image.too_small',
        `图片 ${facts.width}×${facts.height} 像素，要求不小于 ${need}`,
        `The image is ${facts.width}×${facts.height} px; at least ${need} is required`,
      ),
    );
  }
  if (rule.exifRequired && !facts.hasExif) {
    found.push(
      error(
        'file.image.exif_missing',
        '图片没有 EXIF 信息，要求保留原始 EXIF（请上传相机或设计软件导出的原图）',
        'The image has no EXIF data; the original EXIF must be kept (upload the file as exported)',
      ),
    );
  }
  if (rule.colour && facts.colour === false) {
    found.push(error('file.image.not_colour', '图片为灰度图，要求彩色图片', 'The image is greyscale; a colour image is required'));
  }
  return found;
};

const checkVideo = (rule: NonNullable<FileRequirement['video']>, facts: Extract<FileFacts, { kind: 'video' }>): CheckProblem[] => {
  const found: CheckProblem[] = [];
  // Containers round durations to their timescale: a 180.02 s file is "3 minutes" to anyone.
  if (rule.maxDurationSeconds && facts.durationSeconds > rule.maxDurationSeconds + 0.05) {
    const has = minutes(facts.durationSeconds);
    const limit = minutes(rule.maxDurationSeconds);
    found.push(error('file.video.too_long', `视频时长 ${has.zh}，要求不超过 ${limit.zh}`, `The video runs ${has.en}; at most ${limit.en} is allowed`));
  }
  if (rule.orientation && facts.orientation !== rule.orientation) {
    const has = orientationNames[facts.orientation];
    const want = orientationNames[rule.orientation];
    found.push(
      error(
        'file.video.wrong_orientation',
        `视频为${has.zh}（${facts.width}×${facts.height}），要求${want.zh}`,
        `The video is ${has.en} (${facts.width}×${facts.height}); ${want.en} is required`,
      ),
    );
  }
  const [short, long] = [Math.min(facts.width, facts.height), Math.max(facts.width, facts.height)];
  const [needShort, needLong] = [Math.min(rule.minWidthPx ?? 0, rule.minHeightPx ?? 0), Math.max(rule.minWidthPx ?? 0, rule.minHeightPx ?? 0)];
  if (long < needLong || short < needShort) {
    found.push(
      error(
        'file.video.too_small',
        `视频分辨率 ${facts.width}×${facts.height}，要求不低于 ${rule.minWidthPx ?? '—'}×${rule.minHeightPx ?? '—'}`,
        `The video is ${facts.width}×${facts.height}; at least ${rule.minWidthPx ?? '—'}×${rule.minHeightPx ?? '—'} is required`,
      ),
    );
  }
  if (rule.subtitles === 'required' && !facts.hasSubtitleTrack) {
    found.push(
      warning(
        'file.video.no_subtitle_track',
        '未检测到字幕轨道；要求设置中文字幕，如字幕已嵌入画面请忽略此提示',
        'No subtitle track found; Chinese subtitles are required — ignore this if they are burned into the picture',
      ),
    );
  }
  return found;
};

/** How many files a requirement wants, against how many it has. */
export const checkCount = (requirement: FileRequirement, count: number): CheckProblem[] => {
  const { min, max } = requirement.count;
  const needed = requirement.required ? Math.max(min, 1) : min;
  if (count < needed)
    return [
      error(
        'file.missing',
        `${requirement.name}：已上传 ${count} 个，要求至少 ${needed} 个`,
        `${requirement.name}: ${count} uploaded, at least ${needed} required`,
      ),
    ];
  if (count > max)
    return [
      error('file.too_many', `${requirement.name}：已上传 ${count} 个，最多 ${max} 个`, `${requirement.name}: ${count} uploaded, at most ${max} allowed`),
    ];
  return [];
};

/** A text or link field of the works. */
export const checkField = (requirement: FieldRequirement, value: string | undefined): CheckProblem[] => {
  const text = value?.trim() ?? '';
  if (!text) return requirement.required ? [error('field.required', `请填写${requirement.name}`, `${requirement.name} is required`)] : [];
  if (requirement.type === 'url' && !isHttpUrl(text)) {
    return [error('field.invalid_url', `${requirement.name}不是有效的网址：${text}`, `${requirement.name} is not a valid web address: ${text}`)];
  }
  const length = countCharacters(text);
  if (requirement.maxChars && length > requirement.maxChars) {
    return [
      error(
        'field.too_long',
        `${requirement.name} ${length} 字，要求不超过 ${requirement.maxChars} 字`,
        `${requirement.name} has ${length} characters; at most ${requirement.maxChars} are allowed`,
      ),
    ];
  }
  if (requirement.minChars && length < requirement.minChars) {
    return [
      error(
        'field.too_short',
        `${requirement.name} ${length} 字，要求不少于 ${requirement.minChars} 字`,
        `${requirement.name} has ${length} characters; at least ${requirement.minChars} are required`,
      ),
    ];
  }
  return [];
};

const isHttpUrl = (text: string) => {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};
