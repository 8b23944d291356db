import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { bufferSource } from './byte-source.ts';
import { probe } from './index.ts';

const picture = (options: { grey?: boolean } = {}) => {
  const image = sharp({ create: { width: 1200, height: 800, channels: 3, background: '#c33', noise: { type: 'gaussian', mean: 120, sigma: 30 } } });
  return (options.grey ? image.toColourspace('b-w') : image)
    .jpeg()
    .withExif({ IFD0: { Make: 'Google', Model: 'Pixel 8' } })
    .toBuffer();
};

/** A JPEG with an XMP APP1 segment right after SOI, as phones write motion photos. */
const withXmp = (jpeg: Buffer, xmp: string) => {
  const payload = Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(xmp, 'utf8')]);
  const header = Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
};

const facts = async (bytes: Buffer) => {
  const result = await probe(bufferSource(bytes));
  return result.ok ? result.facts : result.refusal.code;
};

describe('colour, as 002 asks of 文创效果图 ("1-2 张彩色图片")', () => {
  it('tells a colour JPEG from a greyscale one by its components', async () => {
    expect(await facts(await picture())).toMatchObject({ colour: true });
    expect(await facts(await picture({ grey: true }))).toMatchObject({ colour: false });
  });
  it('tells a colour PNG from a greyscale one by its colour type', async () => {
    const png = (grey: boolean) =>
      sharp({ create: { width: 64, height: 64, channels: 3, background: '#2a7' } })
        .toColourspace(grey ? 'b-w' : 'srgb')
        .png()
        .toBuffer();
    expect(await facts(await png(false))).toMatchObject({ colour: true });
    expect(await facts(await png(true))).toMatchObject({ colour: false });
  });
});

describe('motion photos: a video appended after the JPEG', () => {
  const video = Buffer.alloc(300 * 1024, 0x42);
  it('accepts a Samsung/Google motion photo whose XMP gives the trailer (MicroVideoOffset)', async () => {
    const jpeg = withXmp(await picture(), `<x:xmpmeta><rdf:Description GCamera:MicroVideo="1" GCamera:MicroVideoOffset="${video.length}"/></x:xmpmeta>`);
    expect(await facts(Buffer.concat([jpeg, video]))).toMatchObject({ fileKind: 'jpeg', width: 1200, height: 800 });
  });
  it('accepts a Google motion photo whose Container directory gives the items’ lengths', async () => {
    const xmp = `<Container:Directory><rdf:Seq><rdf:li><Container:Item Item:Mime="image/jpeg" Item:Semantic="Primary" Item:Length="0"/></rdf:li><rdf:li><Container:Item Item:Mime="video/mp4" Item:Semantic="MotionPhoto" Item:Length="${video.length}"/></rdf:li></rdf:Seq></Container:Directory>`;
    expect(await facts(Buffer.concat([withXmp(await picture(), xmp), video]))).toMatchObject({ fileKind: 'jpeg' });
  });
  it('still refuses the same trailer without the XMP that declares it, and a declared trailer of the wrong length', async () => {
    expect(await facts(Buffer.concat([await picture(), video]))).toBe('file.truncated');
    const wrong = withXmp(await picture(), `<rdf:Description GCamera:MicroVideoOffset="${video.length - 7}"/>`);
    expect(await facts(Buffer.concat([wrong, video]))).toBe('file.truncated');
  });
});
