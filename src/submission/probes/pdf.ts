import type { ByteSource, PdfFacts } from './types.ts';
import { mediaTypes } from './types.ts';
import { corrupt, encrypted, ProbeFailure, truncated } from './refusal.ts';
import { runInWorker } from './parser-pool.ts';

/**
 * PDF through pdfjs-dist 5.4 (legacy build, the one for Node 20), fed by range requests: pdfjs reads the
 * trailer and cross-reference table at the end, then only the objects it needs, in 64 KB chunks, so
 * the page count of a 200 MB scan costs a few chunks. Text is looked for on the first 5 pages.
 * pdfjs runs in the parser worker (parser-worker.mjs); its reads come back here through the probe's
 * ByteSource, so the byte budget and the deadline of index.ts apply to them.
 */
export const pdfLimits = { rangeChunkSize: 64 * 1024 } as const;

const what = (zh: string, en: string) => ({ zh, en });

export const probePdf = async (source: ByteSource, signal: AbortSignal): Promise<PdfFacts> => {
  // A complete PDF ends with %%EOF; readers tolerate it anywhere in the last 1024 bytes.
  const tailLength = Math.min(source.size, 1024);
  const tail = new TextDecoder('latin1').decode(await source.read(source.size - tailLength, tailLength));
  if (!tail.includes('%%EOF')) throw truncated('pdf', what('PDF 缺少结尾标记 %%EOF', 'the PDF has no %%EOF end marker'));
  let facts: { pages: number; textExtractable: boolean };
  try {
    facts = await runInWorker('pdf', { size: source.size, rangeChunkSize: pdfLimits.rangeChunkSize }, signal, { source });
  } catch (error) {
    if (error instanceof ProbeFailure) throw error;
    const name = (error as { parserName?: string } | null)?.parserName ?? 'Error';
    if (name === 'PasswordException') throw encrypted('pdf', what('PDF 需要密码', 'the PDF needs a password'));
    throw corrupt('pdf', what(`PDF 无法解析（${name}）`, `the PDF cannot be parsed (${name})`));
  }
  if (!(facts.pages > 0)) throw corrupt('pdf', what('PDF 没有页面', 'the PDF has no pages'));
  return { kind: 'pdf', fileKind: 'pdf', mediaType: mediaTypes.pdf, pages: facts.pages, textExtractable: facts.textExtractable };
};
