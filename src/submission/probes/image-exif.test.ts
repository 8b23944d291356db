import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { bufferSource } from './byte-source.ts';
import { probe } from './index.ts';
import { exifSegment, jpegWith, latin1, maxLoopDelayMs, nuls, tiffBlock } from '../../../test/support/test-hostile.ts';

// EXIF built byte by byte (test-hostile.ts), so these run where exiftool is not installed.
const jpeg = new Uint8Array(await readFile(new URL('../../../test/fixtures/small.jpg', import.meta.url)));
const camera = {
  kind: 'image',
  fileKind: 'jpeg',
  mediaType: 'image/jpeg',
  width: 400,
  height: 300,
  orientation: 'landscape',
  hasExif: true,
  colour: true,
} as const;

describe('EXIF, read in the parser worker', () => {
  it('reads the camera and the time the picture was taken', async () => {
    const tiff = tiffBlock({ make: latin1('Huawei\0'), model: latin1('P60\0'), taken: latin1('2025:08:01 09:30:00\0') });
    const result = await probe(bufferSource(jpegWith(jpeg, exifSegment(tiff))));
    expect(result.ok && result.facts).toEqual({ ...camera, exif: { make: 'Huawei', model: 'P60', takenAt: '2025-08-01T09:30:00' } });
  });

  it('probes a JPEG whose EXIF Make is 65,000 NULs and a letter without holding the event loop (it held it 12 s), the text ending at its first NUL', async () => {
    const hostile = jpegWith(jpeg, exifSegment(tiffBlock({ make: nuls(65_000, 'A') })));
    let result: Awaited<ReturnType<typeof probe>> | undefined;
    const delay = await maxLoopDelayMs(async () => {
      result = await probe(bufferSource(hostile));
    });
    expect(result?.ok && result.facts).toEqual({ ...camera, exif: {} });
    expect(delay).toBeLessThan(100);
  });

  it('cuts a long Make to 128 characters and drops control characters from it', async () => {
    const result = await probe(bufferSource(jpegWith(jpeg, exifSegment(tiffBlock({ make: latin1(`Can\x01on\r\n${'x'.repeat(60_000)}`) })))));
    expect(result.ok && result.facts).toEqual({ ...camera, exif: { make: `Can on ${'x'.repeat(121)}` } });
  });
});
