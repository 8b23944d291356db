import { describe, expect, it } from 'vitest';
import { seedDefinition } from '../../test/support/factories.ts';
import { checkCount, checkField, checkFile } from './checks.ts';
import { worksOfDivision } from './requirements.ts';
import type { FileFacts, ProbeResult } from './probes/types.ts';

const contest002 = seedDefinition('002');
const contest001 = seedDefinition('001');
const works = (divisionId: string, definition = contest002) => worksOfDivision(definition, divisionId)!;
const probed = (facts: FileFacts, size = 1_000_000): ProbeResult => ({ ok: true, facts, size, bytesRead: 4096 });
const jpeg = (width: number, height: number, hasExif = true): FileFacts => ({
  kind: 'image',
  fileKind: 'jpeg',
  mediaType: 'image/jpeg',
  width,
  height,
  orientation: width > height ? 'landscape' : 'portrait',
  hasExif,
});
const mp4 = (durationSeconds: number, width: number, height: number, hasSubtitleTrack = true): FileFacts => ({
  kind: 'video',
  fileKind: 'mp4',
  mediaType: 'video/mp4',
  durationSeconds,
  width,
  height,
  rotation: 0,
  orientation: width > height ? 'landscape' : width < height ? 'portrait' : 'square',
  hasSubtitleTrack,
});
const messages = (result: ReturnType<typeof checkFile>) => result.map((p) => [p.code, p.message.zh, p.severity]);

describe('002 平面设计类: JPEG, long side at least 800 px, original EXIF kept', () => {
  const image = works('works/graphic-design').files[0];
  it('accepts a JPEG whose long side is exactly 800 px, portrait or landscape', () => {
    expect(checkFile(image, probed(jpeg(800, 600)))).toEqual([]);
    expect(checkFile(image, probed(jpeg(450, 800)))).toEqual([]);
  });
  it('refuses a long side of 640 px, naming the rule and the value', () => {
    expect(messages(checkFile(image, probed(jpeg(640, 480))))).toEqual([['file.image.too_small', '图片长边 640 像素，要求不少于 800 像素', 'error']]);
  });
  it('refuses a JPEG without EXIF', () => {
    expect(checkFile(image, probed(jpeg(1200, 800, false))).map((p) => p.code)).toEqual(['file.image.exif_missing']);
  });
  it('refuses a PNG, whatever the file is called', () => {
    const png: FileFacts = { ...jpeg(1200, 800), fileKind: 'png', mediaType: 'image/png' } as FileFacts;
    expect(messages(checkFile(image, probed(png)))).toEqual([['file.kind_not_allowed', '文件类型为 PNG，平面设计作品（JPEG）要求 JPEG', 'error']]);
  });
});

describe('002 视频类: MP4 of at most 3 minutes, landscape, at least 960×540', () => {
  const video = works('works/video').files[0];
  it('accepts exactly 3 minutes at 960×540', () => {
    expect(checkFile(video, probed(mp4(180, 960, 540)))).toEqual([]);
  });
  it('refuses 3 minutes 12 seconds', () => {
    expect(messages(checkFile(video, probed(mp4(192, 1920, 1080))))).toEqual([['file.video.too_long', '视频时长 3 分 12 秒，要求不超过 3 分钟', 'error']]);
  });
  it('refuses a portrait video and names its size', () => {
    expect(messages(checkFile(video, probed(mp4(60, 1080, 1920))))).toEqual([['file.video.wrong_orientation', '视频为竖屏（1080×1920），要求横屏', 'error']]);
  });
  it('refuses 640×360', () => {
    expect(checkFile(video, probed(mp4(60, 640, 360))).map((p) => p.code)).toEqual(['file.video.too_small']);
  });
  it('names only the side a rule sets when it sets one (a height alone: —×540, never undefined)', () => {
    const heightOnly = { ...video, video: { ...video.video, minWidthPx: undefined, minHeightPx: 540 } };
    expect(messages(checkFile(heightOnly, probed(mp4(60, 400, 300))))).toEqual([['file.video.too_small', '视频分辨率 400×300，要求不低于 —×540', 'error']]);
  });
  it('warns, without refusing, when no subtitle track is found (subtitles may be burned in)', () => {
    expect(messages(checkFile(video, probed(mp4(60, 1280, 720, false))))).toEqual([
      ['file.video.no_subtitle_track', '未检测到字幕轨道；要求设置中文字幕，如字幕已嵌入画面请忽略此提示', 'warning'],
    ]);
  });
});

describe('001 material: PDF or PPT, and a video of at most 5 minutes', () => {
  const [material, video] = works('government-services', contest001).files;
  it('accepts a PDF and refuses an MP4 as material', () => {
    expect(checkFile(material, probed({ kind: 'pdf', fileKind: 'pdf', mediaType: 'application/pdf', pages: 12, textExtractable: true }))).toEqual([]);
    expect(checkFile(material, probed(mp4(60, 1280, 720))).map((p) => p.code)).toEqual(['file.kind_not_allowed']);
  });
  it('accepts 5:00 and refuses 5:01', () => {
    expect(checkFile(video, probed(mp4(300, 1280, 720)))).toEqual([]);
    expect(messages(checkFile(video, probed(mp4(301, 1280, 720))))).toEqual([['file.video.too_long', '视频时长 5 分 1 秒，要求不超过 5 分钟', 'error']]);
  });
});

describe('a file no probe can vouch for', () => {
  it('is refused with the probe’s own code', () => {
    const refused: ProbeResult = {
      ok: false,
      refusal: { code: 'file.truncated', message: { zh: '文件不完整', en: 'The file is truncated' } },
      size: 10,
      bytesRead: 10,
    };
    expect(checkFile(works('works/video').files[0], refused).map((p) => [p.code, p.severity])).toEqual([['file.truncated', 'error']]);
  });
});

describe('002 文创产品类: 1–2 colour renderings', () => {
  const renderings = works('works/cultural-creative').files[0];
  it('refuses a greyscale rendering and accepts a colour one', () => {
    expect(messages(checkFile(renderings, probed({ ...jpeg(1200, 800), colour: false } as FileFacts)))).toEqual([
      ['file.image.not_colour', '图片为灰度图，要求彩色图片', 'error'],
    ]);
    expect(checkFile(renderings, probed({ ...jpeg(1200, 800), colour: true } as FileFacts))).toEqual([]);
  });
});

describe('counts and text fields', () => {
  it('wants 1–2 renderings for 文创产品类', () => {
    const renderings = works('works/cultural-creative').files[0];
    expect(checkCount(renderings, 0).map((p) => p.code)).toEqual(['file.missing']);
    expect(checkCount(renderings, 2)).toEqual([]);
    expect(checkCount(renderings, 3).map((p) => p.code)).toEqual(['file.too_many']);
  });
  it('counts 字 in the 100-字 design note: exactly 100 passes, 101 is refused with the count', () => {
    const note = works('works/cultural-creative').fields[0];
    expect(checkField(note, `${'医'.repeat(99)}。`)).toEqual([]);
    expect(checkField(note, '医'.repeat(101)).map((p) => p.message.zh)).toEqual(['创作说明（100 字以内） 101 字，要求不超过 100 字']);
  });
  it('counts the 20-字 slogan without the spaces at its ends', () => {
    const copy = works('works/copywriting').fields[0];
    expect(checkField(copy, `  ${'扫码就医不排队，医保凭证真方便！'}  `)).toEqual([]);
    expect(checkField(copy, '扫码就医不排队，医保电子凭证真方便又快捷！').map((p) => p.code)).toEqual(['field.too_long']);
  });
  it('refuses a link that is not a web address', () => {
    const link = works('government-services', contest001).fields.find((f) => f.type === 'url')!;
    expect(checkField(link, 'ftp://x').map((p) => p.code)).toEqual(['field.invalid_url']);
    expect(checkField(link, 'https://example.cn/app')).toEqual([]);
  });
});
