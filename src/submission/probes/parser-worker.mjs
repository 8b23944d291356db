// Everything that parses a hostile file's bytes, in a worker thread (plain JavaScript, so it runs
// without a TypeScript loader): pdfjs-dist for the PDF probe and the originality text, mp4box, exifr
// and the XMP of images, and zlib for a deck's presentation.xml. These parse synchronously in places, so a crafted file (a sample table
// declaring 2^31 samples, a 64 KB EXIF string) could block the thread for seconds or minutes, which no
// timer in the same thread can interrupt; and a damaged PDF leaves rejected promises in pdfjs that
// nobody awaits, fatal in a Node main thread. Here the main thread's deadline ends the worker with
// terminate(), and stray rejections are ignored. See parser-pool.ts.
import { parentPort } from 'node:worker_threads';
import { createInflateRaw } from 'node:zlib';
import exifr from 'exifr';
import { createFile, MP4BoxBuffer } from 'mp4box';
import { getDocument, PDFDataRangeTransport, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { importCompiledOrSource } from '../../platform/compiled-or-source.mjs';

process.on('unhandledRejection', () => {});
// mp4box reports parse errors on console.error and cannot be told not to: a bad upload is not our error.
console.error = () => {};
console.warn = () => {};

const TEXT_PAGES = 5;
const jobs = new Map();

class MainThreadTransport extends PDFDataRangeTransport {
  constructor(id, size) {
    super(size, null);
    this.id = id;
  }
  requestDataRange(begin, end) {
    parentPort.postMessage({ type: 'read', id: this.id, begin, end });
  }
}

const pdf = async (id, { size, rangeChunkSize }) => {
  const transport = new MainThreadTransport(id, size);
  const task = getDocument({
    range: transport,
    length: size,
    rangeChunkSize,
    disableAutoFetch: true,
    disableStream: true,
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  jobs.set(id, { transport, task });
  try {
    const document = await task.promise;
    const pages = document.numPages;
    let textExtractable = false;
    for (let n = 1; n <= Math.min(pages, TEXT_PAGES) && !textExtractable; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      textExtractable = content.items.some((item) => typeof item.str === 'string' && item.str.trim().length > 0);
      page.cleanup();
    }
    return { pages, textExtractable };
  } finally {
    task.destroy().catch(() => {});
  }
};

/** ftyp + moov in one buffer from position 0: mp4box reads the metadata and never asks for samples. */
const mp4 = (_id, { bytes }) => {
  let info;
  const file = createFile();
  file.onReady = (movie) => {
    info = movie;
  };
  file.onError = () => {};
  file.appendBuffer(MP4BoxBuffer.fromArrayBuffer(bytes.buffer, 0), true);
  file.flush();
  if (!info?.hasMoov) return { hasMoov: false };
  const track = (t) => ({
    type: t.type,
    codec: t.codec,
    duration: t.duration,
    timescale: t.timescale,
    samplesDuration: t.samples_duration,
    matrix: t.matrix ? Array.from(t.matrix) : undefined,
    width: t.video?.width || t.track_width || 0,
    height: t.video?.height || t.track_height || 0,
  });
  return {
    hasMoov: true,
    duration: info.duration,
    timescale: info.timescale,
    fragmentDuration: info.fragment_duration ? info.fragment_duration.num / (info.fragment_duration.den || 1) : 0,
    tracks: info.tracks.map(track),
    subtitleTracks: info.subtitleTracks.length,
    handlers: (file.moov?.traks ?? []).map((t) => t.mdia?.hdlr?.handler ?? ''),
  };
};

/** Longer strings are cut here already: the main thread's cleaner keeps far fewer characters (clean-text.ts). */
const MAX_TAG_CHARACTERS = 4096;
const tag = (value) => (typeof value === 'string' ? value.slice(0, MAX_TAG_CHARACTERS) : typeof value === 'number' ? value : undefined);

const EXIF_OPTIONS = {
  tiff: true,
  exif: true,
  gps: false,
  interop: false,
  ifd1: false,
  xmp: false,
  icc: false,
  iptc: false,
  translateValues: false,
  reviveValues: false,
  mergeOutput: true,
};

/** Camera and time tags from a TIFF block, raw; a damaged block still counts as present EXIF, without tags. */
const exifTags = async (tiff) => {
  try {
    const tags = await exifr.parse(tiff, EXIF_OPTIONS);
    if (!tags) return {};
    return { make: tag(tags.Make), model: tag(tags.Model), taken: tag(tags.DateTimeOriginal), orientation: tag(tags.Orientation) };
  } catch {
    return {};
  }
};

/**
 * Phones append a video to "motion photos" after the JPEG's EOI and say so in XMP: Google's
 * Container directory gives each appended item's Item:Length, older Samsung and Google files give
 * GCamera:MicroVideoOffset (bytes from the end of the file to the video). Returns the trailer's length.
 */
const trailerLength = (xmp) => {
  const offset = xmp.match(/MicroVideoOffset="(\d{1,15})"/);
  if (offset) return Number(offset[1]);
  return [...xmp.matchAll(/Item:Length="(\d{1,15})"/g)].reduce((sum, match) => sum + Number(match[1]), 0);
};

/** EXIF (a TIFF block) and XMP of a JPEG or PNG, each optional. */
const image = async (_id, { tiff, xmp }) => ({
  ...(tiff ? { exif: await exifTags(tiff) } : {}),
  trailer: xmp ? trailerLength(new TextDecoder('latin1').decode(xmp)) : 0,
});

const PDF_TEXT_PAGES = 30;
const PDF_TEXT_CHARACTERS = 200_000;
let textHash;

/**
 * The text of a PDF's first pages and its MinHash sketch, for the originality check: both are work
 * on a hostile file's content (a PDF can spell 200,000 characters in a few KB), so neither runs on
 * the main thread. The sketch comes from src/submission/originality/text-hash.ts (compiled or not: compiled-or-source.mjs).
 */
const pdfText = async (id, { bytes }) => {
  const task = getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: VerbosityLevel.ERRORS });
  jobs.set(id, { task });
  const parts = [];
  try {
    const document = await task.promise;
    let length = 0;
    for (let n = 1; n <= Math.min(document.numPages, PDF_TEXT_PAGES) && length < PDF_TEXT_CHARACTERS; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((item) => (typeof item.str === 'string' ? item.str : '')).join('');
      parts.push(text);
      length += text.length;
      page.cleanup();
    }
  } finally {
    task.destroy().catch(() => {});
  }
  textHash ??= await importCompiledOrSource(import.meta.url, '../originality/text-hash');
  return textHash.sketchText(parts.join('\n').slice(0, PDF_TEXT_CHARACTERS));
};

/**
 * The first `headBytes` of a ZIP entry, inflating no further than they need: what the probe reads is the
 * head. Inflating the whole entry to see that it inflates cost 32 MB of work for a hostile deck's 4 KB,
 * a CPU burst that, on a busy two-core machine, kept the main thread from running for over 100 ms.
 */
const inflateHead = (_id, { bytes, headBytes }) =>
  new Promise((resolve, reject) => {
    const inflater = createInflateRaw({ chunkSize: Math.max(headBytes, 1024) });
    const chunks = [];
    let length = 0;
    const done = () => {
      inflater.destroy();
      resolve(Buffer.concat(chunks, length).subarray(0, headBytes).slice());
    };
    inflater.on('data', (chunk) => {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= headBytes) done();
    });
    inflater.on('end', done);
    inflater.on('error', reject);
    inflater.end(bytes);
  });

const parsers = { pdf, mp4, image, 'pdf-text': pdfText, 'inflate-head': inflateHead };

const run = async (id, kind, payload) => {
  try {
    const result = await parsers[kind](id, payload);
    parentPort.postMessage({ type: 'done', id, result });
  } catch (error) {
    parentPort.postMessage({ type: 'failed', id, name: String(error?.name ?? 'Error') });
  } finally {
    jobs.delete(id);
  }
};

parentPort.on('message', (message) => {
  if (message.type === 'run') void run(message.id, message.kind, message.payload);
  else if (message.type === 'data') jobs.get(message.id)?.transport.onDataRange(message.begin, message.bytes);
  else if (message.type === 'cancel')
    jobs
      .get(message.id)
      ?.task.destroy()
      .catch(() => {});
});
