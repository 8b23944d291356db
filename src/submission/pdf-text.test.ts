import { describe, expect, it } from 'vitest';
import { sketchText } from './originality/text-hash.ts';
import { pdfTextSketch } from './pdf-text.ts';
import { pdfOf, pdfWithText } from '../../test/support/test-media.ts';
import { maxLoopDelayMs } from '../../test/support/test-hostile.ts';

/** One page whose content shows `text` in one string. */
const pdfShowing = (text: string) => {
  // Type so small that all of it fits on the page: pdfjs leaves out text outside the page.
  const content = `BT /F1 0.001 Tf 72 720 Td (${text}) Tj ET`;
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ]);
};

describe('the text of a PDF for the originality check, sketched in the parser worker', () => {
  it('sketches the text of the first pages, a line for each page', async () => {
    expect(await pdfTextSketch(pdfWithText(3))).toEqual(sketchText('Leitai page 1\nLeitai page 2\nLeitai page 3'));
  });

  it('keeps the event loop free while 200,000 characters are extracted and sketched (pdfjs and the sketch on the main thread held it 0.7–1.2 s)', async () => {
    const words = Array.from({ length: 40_000 }, (_, i) => `w${(i * 7919) % 100_000}`).join(' ');
    const pdf = pdfShowing(words);
    let sketch;
    const delay = await maxLoopDelayMs(async () => {
      sketch = await pdfTextSketch(pdf.slice()); // its own copy each time: the bytes are handed to the worker
    });
    expect(sketch).toEqual(sketchText(words.slice(0, 200_000)));
    expect(delay).toBeLessThan(100);
  });

  it('gives up at its deadline', async () => {
    const reason = new Error('deadline');
    await expect(pdfTextSketch(pdfWithText(1), AbortSignal.abort(reason))).rejects.toBe(reason);
  });
});
