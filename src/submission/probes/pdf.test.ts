import { describe, expect, it } from 'vitest';
import { bufferSource } from './byte-source.ts';
import { probe } from './index.ts';
import { pdfWithImageOnly, pdfWithText } from '../../../test/support/test-media.ts';

describe('PDF probe', () => {
  it('counts the pages of a PDF and finds its text', async () => {
    const result = await probe(bufferSource(pdfWithText(3)));
    expect(result.ok && result.facts).toEqual({ kind: 'pdf', fileKind: 'pdf', mediaType: 'application/pdf', pages: 3, textExtractable: true });
  });

  it('reports no extractable text in a PDF that is only a scanned picture', async () => {
    const result = await probe(bufferSource(pdfWithImageOnly()));
    expect(result.ok && result.facts).toEqual({ kind: 'pdf', fileKind: 'pdf', mediaType: 'application/pdf', pages: 1, textExtractable: false });
  });

  it('reads a large PDF by ranges: 300 pages and 20 MB of other objects are probed in a few chunks', async () => {
    const result = await probe(bufferSource(pdfWithText(300, 20 * 1024 * 1024)));
    expect(result.ok && result.facts).toMatchObject({ pages: 300, textExtractable: true });
    expect(result.size).toBeGreaterThan(20 * 1024 * 1024);
    expect(result.bytesRead).toBeLessThan(512 * 1024);
  });

  it('refuses a PDF cut off before its end as truncated', async () => {
    const bytes = pdfWithText(2);
    const result = await probe(bufferSource(bytes.subarray(0, bytes.length - 40)));
    expect(result.ok ? undefined : result.refusal).toEqual({
      code: 'file.truncated',
      message: { zh: '文件不完整：PDF 缺少结尾标记 %%EOF', en: 'The file is incomplete: the PDF has no %%EOF end marker' },
      fileKind: 'pdf',
      mediaType: 'application/pdf',
    });
  });

  it('refuses a PDF whose objects are garbage as corrupt', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\n' + 'garbage '.repeat(200) + '\n%%EOF\n');
    const result = await probe(bufferSource(bytes));
    expect(result.ok ? undefined : result.refusal.code).toBe('file.corrupt');
  });

  it('refuses an encrypted PDF that needs a password', async () => {
    const bytes = new TextDecoder('latin1')
      .decode(pdfWithText(1))
      .replace(
        '/Root 1 0 R >>',
        '/Root 1 0 R /Encrypt << /Filter /Standard /V 1 /R 2 /O (0123456789abcdef0123456789abcdef) /U (0123456789abcdef0123456789abcdef) /P -4 >> /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] >>',
      );
    const result = await probe(bufferSource(Buffer.from(bytes, 'latin1')));
    expect(result.ok ? undefined : result.refusal.code).toBe('file.encrypted');
  });

  it('refuses a PDF it cannot finish by the deadline with file.probe_limit, and the next PDF is probed as usual', async () => {
    const late = await probe(bufferSource(pdfWithText(300, 1024 * 1024)), { deadlineMs: 1 });
    expect(late.ok ? undefined : late.refusal.code).toBe('file.probe_limit');
    const next = await probe(bufferSource(pdfWithText(2)));
    expect(next.ok && next.facts).toMatchObject({ pages: 2 });
  });

  it('refuses a PDF that needs more bytes than the read budget with file.probe_limit', async () => {
    const result = await probe(bufferSource(pdfWithText(3)), { maxBytesRead: 100 });
    expect(result.ok ? undefined : result.refusal.message.en).toBe('The file is too complex to check within limits: it needs more than 100 bytes read');
  });
});
