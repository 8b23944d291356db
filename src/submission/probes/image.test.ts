import { beforeAll, describe, expect, it } from 'vitest';
import { bufferSource } from './byte-source.ts';
import { probe } from './index.ts';
import { hasTool, makeWith } from '../../../test/support/test-media.ts';

// ImageMagick makes the pictures, exiftool adds or removes EXIF (.ci/install-media-tools installs both).
const tools = (await hasTool('convert')) && (await hasTool('exiftool', ['-ver']));
if (!tools) console.log('image probe tests skipped: ImageMagick (convert) or exiftool is not installed; run .ci/install-media-tools');

describe.runIf(tools)('image probe', () => {
  let camera: Uint8Array;
  let rotated: Uint8Array;
  let stripped: Uint8Array;
  let png: Uint8Array;
  let bigPng: Uint8Array;

  beforeAll(async () => {
    camera = await makeWith(
      [
        ['convert', '-size', '1600x1200', 'plasma:fractal', '-seed', '1', 'a.jpg'],
        ['exiftool', '-q', '-overwrite_original', '-Make=Huawei', '-Model=P60', '-DateTimeOriginal=2025:08:01 09:30:00', 'a.jpg'],
      ],
      'a.jpg',
    );
    rotated = await makeWith(
      [
        ['convert', '-size', '1600x1200', 'xc:orange', 'a.jpg'],
        ['exiftool', '-q', '-overwrite_original', '-Orientation#=6', 'a.jpg'],
      ],
      'a.jpg',
    );
    stripped = await makeWith(
      [
        ['convert', '-size', '640x480', 'xc:gray', 'a.jpg'],
        ['exiftool', '-q', '-overwrite_original', '-Make=Canon', 'a.jpg'],
        ['exiftool', '-q', '-overwrite_original', '-all=', 'a.jpg'],
      ],
      'a.jpg',
    );
    png = await makeWith([['convert', '-size', '800x800', 'xc:teal', 'a.png']], 'a.png');
    bigPng = await makeWith([['convert', '-size', '900x1600', 'plasma:', '-define', 'png:compression-level=1', 'a.png']], 'a.png');
  }, 60_000);

  it('reads the size, camera and time of a JPEG with EXIF, reading only its header and last bytes', async () => {
    const result = await probe(bufferSource(camera));
    expect(result.ok && result.facts).toEqual({
      kind: 'image',
      fileKind: 'jpeg',
      mediaType: 'image/jpeg',
      width: 1600,
      height: 1200,
      orientation: 'landscape',
      hasExif: true,
      colour: true,
      exif: { make: 'Huawei', model: 'P60', takenAt: '2025-08-01T09:30:00' },
    });
    expect(result.bytesRead).toBeLessThan(result.size / 4);
  });

  it('swaps width and height of a JPEG with EXIF Orientation 6, as it is displayed', async () => {
    const result = await probe(bufferSource(rotated));
    expect(result.ok && result.facts).toMatchObject({ width: 1200, height: 1600, orientation: 'portrait', hasExif: true, exif: { orientation: 6 } });
  });

  // xc:gray makes ImageMagick write a one-component (greyscale) JPEG.
  it('reports no EXIF once exiftool has removed it', async () => {
    const result = await probe(bufferSource(stripped));
    expect(result.ok && result.facts).toEqual({
      kind: 'image',
      fileKind: 'jpeg',
      mediaType: 'image/jpeg',
      width: 640,
      height: 480,
      orientation: 'landscape',
      hasExif: false,
      colour: false,
    });
  });

  it('reads a square PNG without EXIF', async () => {
    const result = await probe(bufferSource(png));
    expect(result.ok && result.facts).toEqual({
      kind: 'image',
      fileKind: 'png',
      mediaType: 'image/png',
      width: 800,
      height: 800,
      orientation: 'square',
      hasExif: false,
      colour: true,
    });
  });

  it('walks a large PNG by its chunk headers without reading the pixels', async () => {
    const result = await probe(bufferSource(bigPng));
    expect(result.ok && result.facts).toMatchObject({ width: 900, height: 1600, orientation: 'portrait' });
    expect(result.bytesRead).toBeLessThan(result.size / 10);
  });

  it('refuses a JPEG cut off in its image data as truncated', async () => {
    const result = await probe(bufferSource(camera.subarray(0, Math.floor(camera.length * 0.6))));
    expect(result.ok ? undefined : result.refusal).toEqual({
      code: 'file.truncated',
      message: { zh: '文件不完整：JPEG 图像数据被截断（缺少结束标记）', en: 'The file is incomplete: the JPEG image data is cut off (no end marker)' },
      fileKind: 'jpeg',
      mediaType: 'image/jpeg',
    });
  });

  it('refuses a JPEG cut off in its header, and a PNG cut off before IEND, as truncated', async () => {
    const header = await probe(bufferSource(camera.subarray(0, 300)));
    expect(header.ok ? undefined : header.refusal.code).toBe('file.truncated');
    const cut = await probe(bufferSource(png.subarray(0, png.length - 20)));
    expect(cut.ok ? undefined : cut.refusal.code).toBe('file.truncated');
  });

  it('refuses a PNG whose first chunk is not IHDR as corrupt', async () => {
    const bad = png.slice();
    bad.set(new TextEncoder().encode('XXXX'), 12);
    const result = await probe(bufferSource(bad));
    expect(result.ok ? undefined : result.refusal.message.zh).toBe('文件已损坏：PNG 首个块不是 IHDR');
  });
});
