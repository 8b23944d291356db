import { beforeAll, describe, expect, it } from 'vitest';
import { bufferSource } from './byte-source.ts';
import { probe } from './index.ts';
import { hasTool, makeWith } from '../../../test/support/test-media.ts';

const ffmpeg = await hasTool('ffmpeg');
if (!ffmpeg) console.log('video probe tests skipped: ffmpeg is not installed; run .ci/install-media-tools');

const source = ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=1280x720:rate=5', '-t', '3', '-pix_fmt', 'yuv420p'];

describe.runIf(ffmpeg)('video probe', () => {
  let moovLast: Uint8Array;
  let moovFirst: Uint8Array;
  let portrait: Uint8Array;
  let subtitled: Uint8Array;
  let mov: Uint8Array;
  let audioOnly: Uint8Array;

  beforeAll(async () => {
    moovLast = await makeWith([['ffmpeg', ...source, 'a.mp4']], 'a.mp4');
    moovFirst = await makeWith([['ffmpeg', ...source, '-movflags', '+faststart', 'a.mp4']], 'a.mp4');
    portrait = await makeWith(
      [
        ['ffmpeg', ...source, 'a.mp4'],
        ['ffmpeg', '-v', 'error', '-i', 'a.mp4', '-c', 'copy', '-metadata:s:v', 'rotate=90', 'b.mp4'],
      ],
      'b.mp4',
    );
    subtitled = await makeWith(
      [
        ['ffmpeg', ...source, 'a.mp4'],
        ['sh', '-c', "printf '1\\n00:00:00,000 --> 00:00:02,000\\n参赛作品\\n' > a.srt"],
        ['ffmpeg', '-v', 'error', '-i', 'a.mp4', '-i', 'a.srt', '-c', 'copy', '-c:s', 'mov_text', 'b.mp4'],
      ],
      'b.mp4',
    );
    mov = await makeWith(
      [
        [
          'ffmpeg',
          '-v',
          'error',
          '-f',
          'lavfi',
          '-i',
          'testsrc=size=960x540:rate=5',
          '-f',
          'lavfi',
          '-i',
          'sine=duration=2',
          '-t',
          '2',
          '-pix_fmt',
          'yuv420p',
          '-c:a',
          'aac',
          'a.mov',
        ],
      ],
      'a.mov',
    );
    audioOnly = await makeWith([['ffmpeg', '-v', 'error', '-f', 'lavfi', '-i', 'sine=duration=1', '-c:a', 'aac', 'a.mp4']], 'a.mp4');
  }, 60_000);

  it('reads duration, size and codec of an MP4 whose moov is at the end', async () => {
    const result = await probe(bufferSource(moovLast));
    expect(result.ok && result.facts).toEqual({
      kind: 'video',
      fileKind: 'mp4',
      mediaType: 'video/mp4',
      durationSeconds: 3,
      width: 1280,
      height: 720,
      rotation: 0,
      orientation: 'landscape',
      videoCodec: expect.stringMatching(/^avc1\./),
      hasSubtitleTrack: false,
    });
  });

  it('reads the same facts when the moov is at the start, skipping the media data', async () => {
    const first = await probe(bufferSource(moovFirst));
    const last = await probe(bufferSource(moovLast));
    expect(first.ok && first.facts).toEqual(last.ok && last.facts);
    expect(first.bytesRead).toBeLessThan(first.size / 4);
  });

  it('honours the display matrix of a video recorded upright: 1280×720 rotated 90° is a 720×1280 portrait', async () => {
    const result = await probe(bufferSource(portrait));
    expect(result.ok && result.facts).toMatchObject({ width: 720, height: 1280, rotation: 90, orientation: 'portrait' });
  });

  it('finds a mov_text subtitle track', async () => {
    const result = await probe(bufferSource(subtitled));
    expect(result.ok && result.facts).toMatchObject({ hasSubtitleTrack: true, width: 1280, height: 720 });
  });

  it('reads a QuickTime MOV with audio', async () => {
    const result = await probe(bufferSource(mov));
    expect(result.ok && result.facts).toMatchObject({
      fileKind: 'mov',
      mediaType: 'video/quicktime',
      width: 960,
      height: 540,
      audioCodec: 'mp4a.40.2',
      durationSeconds: expect.closeTo(2, 1),
    });
  });

  it('refuses an MP4 without a video track', async () => {
    const result = await probe(bufferSource(audioOnly));
    expect(result.ok ? undefined : result.refusal).toEqual({
      code: 'file.unsupported_type',
      message: { zh: 'MP4 没有视频轨道（仅音频或其他）', en: 'the MP4 has no video track (audio only or other)' },
      fileKind: 'mp4',
      mediaType: 'video/mp4',
    });
  });

  it('refuses an MP4 cut off before its moov as truncated: "文件不完整：MP4 媒体数据（mdat）被截断"', async () => {
    const result = await probe(bufferSource(moovLast.subarray(0, Math.floor(moovLast.length / 2))));
    expect(result.ok ? undefined : result.refusal.message.zh).toBe('文件不完整：MP4 媒体数据（mdat）被截断');
  });

  it('refuses an MP4 with no moov at all: "文件不完整：MP4 缺少 moov 信息"', async () => {
    const bytes = moovFirst.slice();
    const at = Buffer.from(bytes).indexOf('moov');
    bytes.set(new TextEncoder().encode('free'), at);
    const result = await probe(bufferSource(bytes));
    expect(result.ok ? undefined : result.refusal.message.zh).toBe('文件不完整：MP4 缺少 moov 信息');
  });

  it('refuses an MP4 whose moov is garbage as corrupt', async () => {
    const bytes = moovFirst.slice();
    const at = Buffer.from(bytes).indexOf('moov');
    bytes.fill(0x41, at + 4, at + 400);
    const result = await probe(bufferSource(bytes));
    expect(result.ok ? undefined : result.refusal.code).toBe('file.corrupt');
  });
});
