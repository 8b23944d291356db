import { getDocument, PDFDataRangeTransport, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ByteSource, PdfFacts } from './types.ts';
import { mediaTypes } from './types.ts';
import { corrupt, encrypted, ProbeFailure, truncated } from './refusal.ts';

/**
 * PDF through pdfjs-dist 5.4 (legacy build, the one for Node 20), fed by range requests: pdfjs reads the
 * trailer and cross-reference table at the end, then only the objects it needs, in 64 KB chunks, so
 * the page count of a 200 MB scan costs a few chunks. Text is looked for on the first pages only.
 * Reads are capped by the probe's byte budget and the parse by its deadline (index.ts).
 */
export const pdfLimits = {
  /** Pages searched for extractable text before concluding there is none. */
  textPages: 5,
  rangeChunkSize: 64 * 1024,
} as const;

const what = (zh: string, en: string) => ({ zh, en });

/** Serves pdfjs's range requests from the ByteSource; a failed read ends the load with that failure. */
class SourceTransport extends PDFDataRangeTransport {
  failure: unknown;
  constructor(
    private readonly source: ByteSource,
    private readonly onFailure: () => void,
  ) {
    super(source.size, null);
  }
  override requestDataRange(begin: number, end: number) {
    this.source.read(begin, end - begin).then(
      (bytes) => this.onDataRange(begin, bytes.slice()),
      (error: unknown) => {
        this.failure = error;
        this.onFailure();
      },
    );
  }
}

export const probePdf = async (source: ByteSource, signal: AbortSignal): Promise<PdfFacts> => {
  // A complete PDF ends with %%EOF; readers tolerate it anywhere in the last 1024 bytes.
  const tailLength = Math.min(source.size, 1024);
  const tail = new TextDecoder('latin1').decode(await source.read(source.size - tailLength, tailLength));
  if (!tail.includes('%%EOF')) throw truncated('pdf', what('PDF 缺少结尾标记 %%EOF', 'the PDF has no %%EOF end marker'));

  let task: ReturnType<typeof getDocument> | undefined;
  const stop = () => void task?.destroy().catch(() => {});
  const transport = new SourceTransport(source, stop);
  task = getDocument({
    range: transport,
    length: source.size,
    rangeChunkSize: pdfLimits.rangeChunkSize,
    disableAutoFetch: true,
    disableStream: true,
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  signal.addEventListener('abort', stop, { once: true });
  try {
    const document = await task.promise;
    const pages = document.numPages;
    if (!(pages > 0)) throw corrupt('pdf', what('PDF 没有页面', 'the PDF has no pages'));
    let textExtractable = false;
    for (let n = 1; n <= Math.min(pages, pdfLimits.textPages) && !textExtractable; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      textExtractable = content.items.some((item) => 'str' in item && item.str.trim().length > 0);
      page.cleanup();
    }
    return { kind: 'pdf', fileKind: 'pdf', mediaType: mediaTypes.pdf, pages, textExtractable };
  } catch (error) {
    if (transport.failure) throw transport.failure;
    if (error instanceof ProbeFailure) throw error;
    const name = (error as { name?: string } | null)?.name;
    if (name === 'PasswordException') throw encrypted('pdf', what('PDF 需要密码', 'the PDF needs a password'));
    throw corrupt('pdf', what(`PDF 无法解析（${name ?? 'error'}）`, `the PDF cannot be parsed (${name ?? 'error'})`));
  } finally {
    signal.removeEventListener('abort', stop);
    await task.destroy().catch(() => {});
  }
};
