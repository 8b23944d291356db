import type { LocalisedText } from '../../platform/errors.ts';
import type { FileKind, ProbeRefusal } from './types.ts';
import { mediaTypes } from './types.ts';

/**
 * Thrown inside a probe to refuse the file; index.ts turns it into a ProbeRefusal. Probes throw it
 * rather than return it so that a reader deep in a box walk can stop the whole probe in one line.
 */
export class ProbeFailure extends Error {
  readonly code: ProbeRefusal['code'];
  readonly localised: LocalisedText;
  fileKind?: FileKind;

  constructor(code: ProbeRefusal['code'], message: LocalisedText, fileKind?: FileKind) {
    super(message.en);
    this.name = 'ProbeFailure';
    this.code = code;
    this.localised = message;
    this.fileKind = fileKind;
  }

  toRefusal(): ProbeRefusal {
    return {
      code: this.code,
      message: this.localised,
      ...(this.fileKind ? { fileKind: this.fileKind, mediaType: mediaTypes[this.fileKind] } : {}),
    };
  }
}

/** "文件不完整：MP4 缺少 moov 信息" — the file ends before something it declares. */
export const truncated = (kind: FileKind, what: LocalisedText) =>
  new ProbeFailure('file.truncated', { zh: `文件不完整：${what.zh}`, en: `The file is incomplete: ${what.en}` }, kind);

/** "文件已损坏：PNG 缺少 IHDR 块" — the bytes contradict the format. */
export const corrupt = (kind: FileKind, what: LocalisedText) =>
  new ProbeFailure('file.corrupt', { zh: `文件已损坏：${what.zh}`, en: `The file is corrupt: ${what.en}` }, kind);

export const zipBomb = (kind: FileKind, what: LocalisedText) =>
  new ProbeFailure('file.zip_bomb', { zh: `压缩包异常，疑似压缩炸弹：${what.zh}`, en: `The archive looks like a zip bomb: ${what.en}` }, kind);

export const encrypted = (kind: FileKind | undefined, what: LocalisedText) =>
  new ProbeFailure('file.encrypted', { zh: `文件已加密，无法读取：${what.zh}`, en: `The file is encrypted and cannot be read: ${what.en}` }, kind);

/** Reads exactly `length` bytes or refuses the file as truncated, saying what was being read. */
export const readExactly = async (
  source: { read(offset: number, length: number): Promise<Uint8Array>; size: number },
  offset: number,
  length: number,
  kind: FileKind,
  what: LocalisedText,
): Promise<Uint8Array> => {
  if (offset < 0 || length < 0 || offset + length > source.size) throw truncated(kind, what);
  const bytes = await source.read(offset, length);
  if (bytes.length < length) throw truncated(kind, what);
  return bytes;
};

export const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export const ascii = (bytes: Uint8Array, from = 0, to = bytes.length) => String.fromCharCode(...bytes.subarray(from, to));

export const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
