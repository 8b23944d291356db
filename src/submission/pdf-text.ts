import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of a PDF for the originality check: the first pages, enough to recognise a copied
 * proposal without reading a 300-page annex. The file was probed and accepted before this runs; its
 * bytes come from WorksStorage.readAll, capped (originality.ts).
 */
export const PDF_TEXT_PAGES = 30;
const MAX_CHARACTERS = 200_000;

export async function pdfText(bytes: Uint8Array): Promise<string> {
  // A copy, as a plain Uint8Array: pdfjs refuses a Buffer and may take ownership of what it is given.
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: VerbosityLevel.ERRORS });
  try {
    const document = await task.promise;
    const parts: string[] = [];
    let length = 0;
    for (let n = 1; n <= Math.min(document.numPages, PDF_TEXT_PAGES) && length < MAX_CHARACTERS; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str : '')).join('');
      parts.push(text);
      length += text.length;
      page.cleanup();
    }
    return parts.join('\n').slice(0, MAX_CHARACTERS);
  } finally {
    await task.destroy().catch(() => {});
  }
}
