import { runInWorker } from './probes/parser-pool.ts';
import type { TextSketch } from './originality/text-hash.ts';

/**
 * The text of a PDF for the originality check, as a MinHash sketch: the first 30 pages, at most
 * 200,000 characters, enough to recognise a copied proposal without reading a 300-page annex. The
 * file was probed and accepted before this runs; its bytes come from WorksStorage.readAll, capped
 * (originality.ts). pdfjs and the sketch run in the parser worker (probes/parser-worker.mjs), under a
 * deadline: a PDF's text is a hostile file's content, and a few KB of it can spell 200,000 characters.
 */
export const pdfTextLimits = { deadlineMs: 30_000 } as const;

/** The sketch of a PDF's text; `bytes` are handed to the worker and must not be used afterwards. */
export async function pdfTextSketch(bytes: Uint8Array, signal: AbortSignal = AbortSignal.timeout(pdfTextLimits.deadlineMs)): Promise<TextSketch> {
  // Bytes that own their whole buffer are handed over as they are (the caller reads them once); a view
  // into a larger buffer (Node's Buffer pool) is copied first, as handing that over would take the rest.
  const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  const handed = owned ? new Uint8Array(bytes.buffer) : new Uint8Array(bytes);
  return runInWorker<TextSketch>('pdf-text', { bytes: handed }, signal, { transfer: [handed.buffer as ArrayBuffer] });
}
