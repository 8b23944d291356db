import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bufferSource } from './byte-source.ts';
import { probe } from './index.ts';
import { slideCountFromRecords, slideCountFromSummary } from './slides.ts';
import { ppt, pptx, pptxBomb } from '../../../test/support/test-media.ts';

const refusal = async (bytes: Uint8Array) => {
  const result = await probe(bufferSource(bytes));
  return result.ok ? undefined : result.refusal;
};

describe('PPTX probe', () => {
  it('counts the slide parts of a PPTX from its central directory', async () => {
    const result = await probe(bufferSource(pptx(12)));
    expect(result.ok && result.facts).toEqual({
      kind: 'slides',
      fileKind: 'pptx',
      mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      slides: 12,
    });
  });

  it('reads only the directory and presentation.xml of a deck with 8 MB of stored media', async () => {
    const media = new Uint8Array(8 * 1024 * 1024).map((_, i) => (i * 2654435761) >>> 24);
    const result = await probe(bufferSource(pptx(3, { 'ppt/media/video1.mp4': media })));
    expect(result.ok && result.facts).toMatchObject({ slides: 3 });
    expect(result.bytesRead).toBeLessThan(16 * 1024);
  });

  it('refuses a PPTX zip bomb that declares 1.2 GB of slide media in 1.2 MB', async () => {
    expect(await refusal(pptxBomb(10, 120))).toEqual({
      code: 'file.zip_bomb',
      message: { zh: '压缩包异常，疑似压缩炸弹：整体压缩比超过 200:1', en: 'The archive looks like a zip bomb: its overall ratio is beyond 200:1' },
      fileKind: 'pptx',
      mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    });
  });

  it('refuses a PPTX carrying a nested archive', async () => {
    expect((await refusal(pptx(1, { 'ppt/embeddings/more.zip': zipSync({ a: strToU8('a') }) })))?.message.en).toBe(
      'The archive looks like a zip bomb: it nests the archive ppt/embeddings/more.zip',
    );
  });

  it('refuses a PPTX with more entries than any deck has', async () => {
    const bytes = pptx(1).slice();
    const end = Buffer.from(bytes).lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    new DataView(bytes.buffer).setUint16(end + 10, 30_000, true); // entries in the end record
    expect((await refusal(bytes))?.message.en).toBe('The archive looks like a zip bomb: it declares 30000 entries');
  });

  it('refuses a PPTX cut off before its central directory as truncated', async () => {
    const bytes = pptx(2);
    expect(await refusal(bytes.subarray(0, bytes.length - 100))).toEqual({
      code: 'file.truncated',
      message: { zh: '文件不完整：ZIP 缺少中央目录结尾记录', en: 'The file is incomplete: the ZIP end-of-central-directory record is missing' },
      fileKind: 'zip',
      mediaType: 'application/zip',
    });
  });

  it('refuses a PPTX whose presentation.xml does not inflate as corrupt', async () => {
    const bytes = pptx(2).slice();
    const at = Buffer.from(bytes).indexOf('ppt/presentation.xml') + 'ppt/presentation.xml'.length;
    bytes.fill(0xff, at, at + 40);
    expect((await refusal(bytes))?.code).toBe('file.corrupt');
  });
});

describe('PPT probe', () => {
  it('reads the slide count from the DocumentSummaryInformation property set', async () => {
    const result = await probe(bufferSource(ppt(7)));
    expect(result.ok && result.facts).toEqual({ kind: 'slides', fileKind: 'ppt', mediaType: 'application/vnd.ms-powerpoint', slides: 7 });
  });

  it('counts the SlidePersistAtoms when the summary is missing', async () => {
    const result = await probe(bufferSource(ppt(5, { summary: false })));
    expect(result.ok && result.facts).toMatchObject({ slides: 5 });
  });

  it('reads a few sectors of a large PPT, not the whole file', async () => {
    const result = await probe(bufferSource(ppt(9, { padding: 2 * 1024 * 1024 })));
    expect(result.ok && result.facts).toMatchObject({ slides: 9 });
    expect(result.bytesRead).toBeLessThan(64 * 1024);
  });

  it('refuses a PPT cut in half as truncated', async () => {
    const bytes = ppt(3, { padding: 64 * 1024 });
    expect((await refusal(bytes.subarray(0, 8192)))?.code).toBe('file.truncated');
  });

  it('gives no count from a property set or record stream that is too short', () => {
    expect(slideCountFromSummary(new Uint8Array(10))).toBeUndefined();
    expect(slideCountFromRecords(new Uint8Array(10))).toBeUndefined();
  });
});
