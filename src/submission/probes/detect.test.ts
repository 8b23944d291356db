import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { bufferSource } from './byte-source.ts';
import { detect } from './detect.ts';
import { probe } from './index.ts';
import { doc, docx, pdfWithText, ppt, pptx } from '../../../test/support/test-media.ts';

const fixture = async (name: string) => new Uint8Array(await readFile(new URL(`../../../test/fixtures/${name}`, import.meta.url)));
const kindOf = async (bytes: Uint8Array) => (await detect(bufferSource(bytes))).kind;

describe('detect tells the kind from content, never from the name', () => {
  it('recognises each of the ten kinds', async () => {
    expect(await kindOf(await fixture('small.jpg'))).toBe('jpeg');
    expect(await kindOf(await fixture('small.png'))).toBe('png');
    expect(await kindOf(await fixture('small.mp4'))).toBe('mp4');
    expect(await kindOf(await fixture('small.mov'))).toBe('mov');
    expect(await kindOf(pdfWithText(1))).toBe('pdf');
    expect(await kindOf(pptx(2))).toBe('pptx');
    expect(await kindOf(ppt(2))).toBe('ppt');
    expect(await kindOf(docx())).toBe('docx');
    expect(await kindOf(doc())).toBe('doc');
    const { zipSync, strToU8 } = await import('fflate');
    expect(await kindOf(zipSync({ 'readme.txt': strToU8('hello') }))).toBe('zip');
  });

  it('reads a PDF whose header follows some leading bytes, as readers allow', async () => {
    expect(await kindOf(new Uint8Array([...new TextEncoder().encode('junk\n'), ...pdfWithText(1)]))).toBe('pdf');
  });

  it('refuses a zero-byte file as empty', async () => {
    expect(await probe(bufferSource(new Uint8Array(0)))).toEqual({
      ok: false,
      refusal: { code: 'file.empty', message: { zh: '文件为空（0 字节）', en: 'The file is empty (0 bytes)' } },
      bytesRead: 0,
      size: 0,
    });
  });

  it('refuses plain text, random bytes and a HEIC image as unsupported', async () => {
    const text = await probe(bufferSource(new TextEncoder().encode('这不是图片')));
    expect(text.ok ? undefined : text.refusal.code).toBe('file.unsupported_type');
    const random = await probe(bufferSource(new Uint8Array(2048).map((_, i) => (i * 7919 + 13) % 251)));
    expect(random.ok ? undefined : random.refusal.code).toBe('file.unsupported_type');
    const heic = new Uint8Array([0, 0, 0, 24, ...new TextEncoder().encode('ftypheic'), 0, 0, 0, 0, ...new TextEncoder().encode('mif1heic')]);
    const result = await probe(bufferSource(heic));
    expect(result.ok ? undefined : result.refusal.message.en).toBe(
      'Unsupported file type: a HEIF/AVIF image (heic) (accepted: JPEG, PNG, MP4, MOV, PDF, PPT, PPTX, DOC, DOCX, ZIP)',
    );
  });
});
