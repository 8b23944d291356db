// The probes' parsers that could hang or misbehave on a hostile file, in a worker thread (plain
// JavaScript, so it runs without a TypeScript loader): pdfjs-dist and mp4box. Both parse
// synchronously in places, so a crafted file (a sample table declaring 2^31 samples) could block the
// thread for minutes, which no timer in the same thread can interrupt; and a damaged PDF leaves rejected
// promises in pdfjs that nobody awaits, fatal in a Node main thread. Here the main thread's deadline
// ends the worker with terminate(), and stray rejections are ignored. See parser-pool.ts.
import { parentPort } from 'node:worker_threads';
import { createFile, MP4BoxBuffer } from 'mp4box';
import { getDocument, PDFDataRangeTransport, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';

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

const run = async (id, kind, payload) => {
  try {
    const result = kind === 'pdf' ? await pdf(id, payload) : mp4(id, payload);
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
  else if (message.type === 'cancel') jobs.get(message.id)?.task.destroy().catch(() => {});
});
