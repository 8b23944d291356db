import type { ByteSource, SlidesFacts } from './types.ts';
import { mediaTypes } from './types.ts';
import type { CfbContainer } from './cfb.ts';
import { corrupt, ProbeFailure, view } from './refusal.ts';
import { assertNotZipBomb, readStoredEntry, type ZipDirectory } from './zip.ts';
import { runInWorker } from './parser-pool.ts';

/**
 * Presentations. PPTX: the slide count is the number of ppt/slides/slideN.xml parts in the central
 * directory; only the head of ppt/presentation.xml is inflated, to see that the deck is readable. PPT:
 * the slide count is PIDDSI_SLIDECOUNT in the DocumentSummaryInformation property set, which
 * PowerPoint writes on every save; when it is missing (some converters), the SlidePersistAtoms of
 * the last DocumentContainer's slide list in the "PowerPoint Document" stream are counted.
 */
export const slideLimits = {
  maxPresentationXmlCompressed: 8 * 1024 * 1024,
  maxPowerPointStream: 32 * 1024 * 1024,
} as const;

const what = (zh: string, en: string) => ({ zh, en });
const PRESENTATION_HEAD_BYTES = 4096;
const SLIDE_PART = /^ppt\/slides\/slide\d+\.xml$/;

export const probePptx = async (source: ByteSource, directory: ZipDirectory, signal: AbortSignal): Promise<SlidesFacts> => {
  assertNotZipBomb(directory, 'pptx');
  const presentation = directory.entries.find((e) => e.name === 'ppt/presentation.xml')!;
  const stored = await readStoredEntry(source, presentation, 'pptx', slideLimits.maxPresentationXmlCompressed);
  let xml: string;
  try {
    // Inflated in the parser worker under the deadline, the head only (parser-worker.mjs says why). A copy
    // is posted, as posting a view would copy the whole file under it.
    const head =
      presentation.method === 0
        ? stored.subarray(0, PRESENTATION_HEAD_BYTES)
        : await runInWorker<Uint8Array>('inflate-head', { bytes: stored.slice(), headBytes: PRESENTATION_HEAD_BYTES }, signal);
    xml = new TextDecoder('utf-8').decode(head);
  } catch (error) {
    if (error instanceof ProbeFailure) throw error;
    throw corrupt('pptx', what('ppt/presentation.xml 无法解压', 'ppt/presentation.xml cannot be inflated'));
  }
  if (!xml.includes('presentation')) throw corrupt('pptx', what('ppt/presentation.xml 不是演示文稿', 'ppt/presentation.xml is not a presentation'));
  const slides = directory.entries.filter((e) => SLIDE_PART.test(e.name)).length;
  return { kind: 'slides', fileKind: 'pptx', mediaType: mediaTypes.pptx, slides };
};

/** FMTID_DocSummaryInformation, as stored (little-endian GUID fields): D5CDD502-2E9C-101B-9397-08002B2CF9AE. */
const DOC_SUMMARY_FMTID = [0x02, 0xd5, 0xcd, 0xd5, 0x9c, 0x2e, 0x1b, 0x10, 0x93, 0x97, 0x08, 0x00, 0x2b, 0x2c, 0xf9, 0xae];
const PIDDSI_SLIDECOUNT = 0x07;
const VT_I4 = 0x03;

/** PIDDSI_SLIDECOUNT from a DocumentSummaryInformation stream ([MS-OLEPS]), or undefined. */
export const slideCountFromSummary = (stream: Uint8Array): number | undefined => {
  if (stream.length < 48) return undefined;
  const dv = view(stream);
  if (dv.getUint16(0, true) !== 0xfffe) return undefined;
  const sets = Math.min(dv.getUint32(24, true), 2);
  for (let s = 0; s < sets; s++) {
    const at = 28 + s * 20;
    if (at + 20 > stream.length || !DOC_SUMMARY_FMTID.every((b, i) => stream[at + i] === b)) continue;
    const section = dv.getUint32(at + 16, true);
    if (section + 8 > stream.length) return undefined;
    const count = Math.min(dv.getUint32(section + 4, true), 1000);
    for (let p = 0; p < count; p++) {
      const entry = section + 8 + p * 8;
      if (entry + 8 > stream.length) return undefined;
      if (dv.getUint32(entry, true) !== PIDDSI_SLIDECOUNT) continue;
      const value = section + dv.getUint32(entry + 4, true);
      if (value + 8 > stream.length || dv.getUint16(value, true) !== VT_I4) return undefined;
      const slides = dv.getInt32(value + 4, true);
      return slides >= 0 ? slides : undefined;
    }
  }
  return undefined;
};

const RT_DOCUMENT = 0x03e8;
const RT_SLIDE_LIST_WITH_TEXT = 0x0ff0;
const RT_SLIDE_PERSIST_ATOM = 0x03f3;

/**
 * Counts SlidePersistAtoms in the slide list (instance 0) of the last DocumentContainer ([MS-PPT] 2.4.14).
 * One pass per level over record headers, keeping nothing but the record looked for: a 32 MB stream
 * can hold four million empty records, and an object for each held the event loop for a third of a second.
 */
export const slideCountFromRecords = (stream: Uint8Array): number | undefined => {
  const dv = view(stream);
  /** Calls `visit` with each record's header fields between `from` and `to`, until it answers true. */
  const walk = (from: number, to: number, visit: (type: number, instance: number, body: number, end: number) => boolean | void) => {
    for (let at = from; at + 8 <= to;) {
      const end = at + 8 + dv.getUint32(at + 4, true);
      if (end > to) return;
      if (visit(dv.getUint16(at + 2, true), dv.getUint16(at, true) >> 4, at + 8, end)) return;
      at = end;
    }
  };
  let document: { body: number; end: number } | undefined;
  walk(0, stream.length, (type, _instance, body, end) => {
    if (type === RT_DOCUMENT) document = { body, end };
  });
  if (!document) return undefined;
  let list: { body: number; end: number } | undefined;
  walk(document.body, document.end, (type, instance, body, end) => {
    if (type === RT_SLIDE_LIST_WITH_TEXT && instance === 0) list = { body, end };
    return list !== undefined;
  });
  if (!list) return 0;
  let slides = 0;
  walk(list.body, list.end, (type) => {
    if (type === RT_SLIDE_PERSIST_ATOM) slides++;
  });
  return slides;
};

export const probePpt = async (cfb: CfbContainer): Promise<SlidesFacts> => {
  const summary = await cfb.readStream('\u0005DocumentSummaryInformation', 256 * 1024);
  let slides = summary ? slideCountFromSummary(summary) : undefined;
  if (slides === undefined) {
    const stream = await cfb.readStream('PowerPoint Document', slideLimits.maxPowerPointStream);
    slides = stream ? slideCountFromRecords(stream) : undefined;
  }
  if (slides === undefined) throw corrupt('ppt', what('PPT 中找不到幻灯片列表', 'the PPT has no slide list'));
  return { kind: 'slides', fileKind: 'ppt', mediaType: mediaTypes.ppt, slides };
};
