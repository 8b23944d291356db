import type { ByteSource, FileKind, ProbeResult, FileFacts } from './types.ts';
import { mediaTypes } from './types.ts';
import { openFileSource } from './byte-source.ts';
import { detect } from './detect.ts';
import { probeJpeg, probePng } from './image.ts';
import { probePdf } from './pdf.ts';
import { probePpt, probePptx } from './slides.ts';
import { probeVideo } from './video.ts';
import { corrupt, ProbeFailure } from './refusal.ts';
import { assertNotZipBomb } from './zip.ts';
import { loopYielder } from './loop-yield.ts';

export { countCharacters } from './text.ts';
export { openFileSource, bufferSource } from './byte-source.ts';
export type * from './types.ts';

/**
 * probe(source): what a file is and what it holds, from its content. It never throws, never reads
 * more than `maxBytesRead`, and gives up at `deadlineMs`: every failure is a coded ProbeRefusal.
 */
export interface ProbeOptions {
  /** Time for the whole probe; a file that needs longer is refused with file.probe_limit. */
  deadlineMs?: number;
  /** Bytes the probe may read; the probes need kilobytes, a PDF with many fonts a few megabytes. */
  maxBytesRead?: number;
}

export const probeDefaults = { deadlineMs: 10_000, maxBytesRead: 96 * 1024 * 1024 } as const;

const limit = (what: { zh: string; en: string }, fileKind?: FileKind) =>
  new ProbeFailure(
    'file.probe_limit',
    { zh: `文件过于复杂，无法在限定范围内检查：${what.zh}`, en: `The file is too complex to check within limits: ${what.en}` },
    fileKind,
  );

/**
 * The source as a probe sees it: the first 4 KB (read by detection) are kept and served again
 * without a second read; reads past the budget or after the deadline fail with a refusal; and a walk
 * of many small reads lets the event loop run between them (loop-yield.ts).
 */
const guarded = (source: ByteSource, maxBytesRead: number, signal: AbortSignal): ByteSource => {
  const start = source.bytesRead;
  let head: Uint8Array | undefined;
  const pause = loopYielder();
  return {
    size: source.size,
    get bytesRead() {
      return source.bytesRead - start;
    },
    async read(offset, length) {
      await pause();
      if (signal.aborted) throw signal.reason;
      if (head && offset >= 0 && offset + length <= head.length) return head.subarray(offset, offset + length);
      if (source.bytesRead - start + Math.min(length, source.size) > maxBytesRead) {
        const amount =
          maxBytesRead >= 1024 ** 2 ? `${Math.round(maxBytesRead / 1024 ** 2)} MB` : maxBytesRead >= 1024 ? `${Math.round(maxBytesRead / 1024)} KB` : undefined;
        throw limit({ zh: `读取超过 ${amount ?? `${maxBytesRead} 字节`}`, en: `it needs more than ${amount ?? `${maxBytesRead} bytes`} read` });
      }
      const bytes = await source.read(offset, length);
      if (!head && offset === 0) head = bytes.slice();
      return bytes;
    },
  };
};

const probeKind = async (source: ByteSource, signal: AbortSignal): Promise<FileFacts> => {
  const detection = await detect(source);
  const { kind } = detection;
  try {
    switch (kind) {
      case 'jpeg':
        return await probeJpeg(source, signal);
      case 'png':
        return await probePng(source, signal);
      case 'mp4':
      case 'mov':
        return await probeVideo(source, kind, signal);
      case 'pdf':
        return await probePdf(source, signal);
      case 'pptx':
        return await probePptx(source, detection.zip!, signal);
      case 'ppt':
        return await probePpt(detection.cfb!);
      case 'docx':
      case 'zip':
        assertNotZipBomb(detection.zip!, kind);
        return { kind: kind === 'zip' ? 'archive' : 'document', fileKind: kind, mediaType: mediaTypes[kind] };
      case 'doc':
        return { kind: 'document', fileKind: 'doc', mediaType: mediaTypes.doc };
    }
  } catch (error) {
    if (error instanceof ProbeFailure) {
      error.fileKind ??= kind;
      throw error;
    }
    // A parser tripping over bytes it did not expect: the file is corrupt, not our server.
    throw corrupt(kind, { zh: `${kind.toUpperCase()} 内容无法解析`, en: `the ${kind.toUpperCase()} content cannot be parsed` });
  }
};

export const probe = async (source: ByteSource, options: ProbeOptions = {}): Promise<ProbeResult> => {
  const { deadlineMs, maxBytesRead } = { ...probeDefaults, ...options };
  const startBytes = source.bytesRead;
  const done = <T extends object>(result: T) => ({ ...result, bytesRead: source.bytesRead - startBytes, size: source.size });
  if (source.size === 0) {
    return done({ ok: false as const, refusal: { code: 'file.empty' as const, message: { zh: '文件为空（0 字节）', en: 'The file is empty (0 bytes)' } } });
  }
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const failure = limit({ zh: `检查超过 ${deadlineMs / 1000} 秒`, en: `checking took more than ${deadlineMs / 1000} s` });
      controller.abort(failure);
      reject(failure);
    }, deadlineMs);
  });
  try {
    const facts = await Promise.race([probeKind(guarded(source, maxBytesRead, controller.signal), controller.signal), deadline]);
    return done({ ok: true as const, facts });
  } catch (error) {
    const failure =
      error instanceof ProbeFailure ? error : new ProbeFailure('file.corrupt', { zh: '文件已损坏，无法解析', en: 'The file is corrupt and cannot be parsed' });
    return done({ ok: false as const, refusal: failure.toRefusal() });
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
};

/** Probes a file on disk through one file handle, closed afterwards; a file that cannot be opened is refused too. */
export const probeFile = async (path: string, options: ProbeOptions = {}): Promise<ProbeResult> => {
  let source;
  try {
    source = await openFileSource(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return {
      ok: false,
      refusal: { code: 'file.unreadable', message: { zh: `无法打开文件（${code}）`, en: `The file cannot be opened (${code})` } },
      bytesRead: 0,
      size: 0,
    };
  }
  try {
    return await probe(source, options);
  } finally {
    await source.close().catch(() => {});
  }
};
