import type { ByteSource, ImageFacts, Orientation } from './types.ts';
import { mediaTypes } from './types.ts';
import { ascii, corrupt, ProbeFailure, readExactly, startsWith, truncated, view } from './refusal.ts';
import { cleanText } from './clean-text.ts';
import { runInWorker } from './parser-pool.ts';

/**
 * JPEG and PNG: the size from the frame header (JPEG SOF) or IHDR, EXIF from the APP1 segment or the
 * eXIf chunk. A JPEG is walked marker by marker until the start of scan, so the compressed image is
 * never read; only its last bytes are, to see that the file ends with EOI (a cut-off upload does not).
 */
const MAX_EXIF_BYTES = 64 * 1024; // an APP1 segment cannot be larger; the same cap for PNG's eXIf
const MAX_SEGMENTS = 4096;
const MAX_PNG_CHUNKS = 200_000;

const what = (zh: string, en: string) => ({ zh, en });

export const orientationOf = (width: number, height: number): Orientation => (width === height ? 'square' : width > height ? 'landscape' : 'portrait');

interface ExifFields {
  make?: string;
  model?: string;
  takenAt?: string;
  orientation?: number;
}

/** What parser-worker.mjs hands back: the raw tags (strings cut to 4096 characters) and the motion photo's trailer. */
interface RawMetadata {
  exif?: { make?: unknown; model?: unknown; taken?: unknown; orientation?: unknown };
  trailer: number;
}

/**
 * EXIF and XMP are parsed in the parser worker under the probe's deadline: they are the file's own
 * text, and exifr and an XMP scan on the main thread are work no timer there can stop. A block the
 * worker cannot read still counts as present EXIF, without fields.
 */
const readMetadata = async (tiff: Uint8Array | undefined, xmp: Uint8Array | undefined, signal: AbortSignal): Promise<{ exif: ExifFields; trailer: number }> => {
  if (!tiff && !xmp) return { exif: {}, trailer: 0 };
  let raw: RawMetadata;
  try {
    raw = await runInWorker<RawMetadata>('image', { ...(tiff ? { tiff } : {}), ...(xmp ? { xmp } : {}) }, signal);
  } catch (error) {
    if (error instanceof ProbeFailure) throw error;
    return { exif: {}, trailer: 0 };
  }
  return { exif: exifFields(raw.exif ?? {}), trailer: Number.isSafeInteger(raw.trailer) && raw.trailer > 0 ? raw.trailer : 0 };
};

const TAKEN_AT = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/;

const exifFields = (raw: NonNullable<RawMetadata['exif']>): ExifFields => {
  const make = cleanText(raw.make);
  const model = cleanText(raw.model);
  const match = cleanText(raw.taken)?.match(TAKEN_AT);
  const orientation =
    typeof raw.orientation === 'number' && Number.isInteger(raw.orientation) && raw.orientation >= 1 && raw.orientation <= 8 ? raw.orientation : undefined;
  return {
    ...(make ? { make } : {}),
    ...(model ? { model } : {}),
    // The camera's local time, as written: EXIF has no zone unless OffsetTimeOriginal is set.
    ...(match ? { takenAt: `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}` } : {}),
    ...(orientation ? { orientation } : {}),
  };
};

const facts = (
  fileKind: 'jpeg' | 'png',
  storedWidth: number,
  storedHeight: number,
  colour: boolean,
  tiff: Uint8Array | undefined,
  exif: ExifFields,
): ImageFacts => {
  // Orientations 5–8 turn the picture a quarter: it is displayed with width and height swapped.
  const swap = exif.orientation !== undefined && exif.orientation >= 5;
  const width = swap ? storedHeight : storedWidth;
  const height = swap ? storedWidth : storedHeight;
  return {
    kind: 'image',
    fileKind,
    mediaType: mediaTypes[fileKind],
    width,
    height,
    orientation: orientationOf(width, height),
    hasExif: tiff !== undefined,
    colour,
    ...(tiff !== undefined ? { exif } : {}),
  };
};

const isTiff = (bytes: Uint8Array) => startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]);

export const probeJpeg = async (source: ByteSource, signal: AbortSignal): Promise<ImageFacts> => {
  let offset = 2;
  let size: { width: number; height: number; components: number } | undefined;
  let tiff: Uint8Array | undefined;
  let xmp: Uint8Array | undefined;
  for (let segments = 0; ; segments++) {
    if (segments > MAX_SEGMENTS) throw corrupt('jpeg', what('JPEG 标记段过多', 'too many JPEG segments'));
    const marker = await readExactly(source, offset, 4, 'jpeg', what('JPEG 在图像数据之前结束', 'the JPEG ends before its image data'));
    if (marker[0] !== 0xff) throw corrupt('jpeg', what(`JPEG 标记无效（偏移 ${offset}）`, `invalid JPEG marker at offset ${offset}`));
    const type = marker[1]!;
    if (type === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (type === 0x01 || (type >= 0xd0 && type <= 0xd7)) {
      offset += 2;
      continue;
    }
    if (type === 0xd9 || type === 0xd8) throw corrupt('jpeg', what('JPEG 在帧头之前结束', 'the JPEG ends before its frame header'));
    const length = view(marker).getUint16(2);
    if (length < 2) throw corrupt('jpeg', what('JPEG 标记段长度无效', 'a JPEG segment has an invalid length'));
    const isFrame = type >= 0xc0 && type <= 0xcf && type !== 0xc4 && type !== 0xc8 && type !== 0xcc;
    if (isFrame) {
      const frame = view(await readExactly(source, offset + 4, 6, 'jpeg', what('JPEG 帧头不完整', 'the JPEG frame header is cut off')));
      size = { height: frame.getUint16(1), width: frame.getUint16(3), components: frame.getUint8(5) };
      if (size.width === 0 || size.height === 0) throw corrupt('jpeg', what('JPEG 宽或高为 0', 'the JPEG has zero width or height'));
    } else if (type === 0xe1 && tiff === undefined && length > 8) {
      const segment = await readExactly(
        source,
        offset + 4,
        Math.min(length - 2, MAX_EXIF_BYTES),
        'jpeg',
        what('JPEG 的 EXIF 段不完整', 'the JPEG EXIF segment is cut off'),
      );
      if (ascii(segment, 0, 6) === 'Exif\0\0' && isTiff(segment.subarray(6))) tiff = segment.slice(6);
      else if (xmp === undefined && ascii(segment, 0, XMP_HEADER.length) === XMP_HEADER) xmp = segment.slice(XMP_HEADER.length);
    } else if (type === 0xda) {
      break;
    }
    offset += 2 + length;
  }
  if (!size) throw corrupt('jpeg', what('JPEG 缺少帧头（SOF）', 'the JPEG has no frame header (SOF)'));

  const { exif, trailer } = await readMetadata(tiff, xmp, signal);
  if (!(await endsWithEoi(source, offset, trailer)))
    throw truncated('jpeg', what('JPEG 图像数据被截断（缺少结束标记）', 'the JPEG image data is cut off (no end marker)'));
  // One component is a greyscale JPEG; three (YCbCr) or four (CMYK) carry colour.
  return facts('jpeg', size.width, size.height, size.components >= 3, tiff, exif);
};

const XMP_HEADER = 'http://ns.adobe.com/xap/1.0/\0';

/**
 * A complete JPEG ends with EOI (a cut-off upload does not). Cameras may append a few bytes after it,
 * so the last 64 KB are searched; a motion photo's trailer, declared in its XMP (MicroVideoOffset or
 * Container Item:Length, read in parser-worker.mjs), is skipped to where EOI must be.
 */
const endsWithEoi = async (source: ByteSource, scanStart: number, trailer: number) => {
  const isEoiAt = async (at: number) => {
    if (at < scanStart) return false;
    const bytes = await source.read(at, 2);
    return bytes[0] === 0xff && bytes[1] === 0xd9;
  };
  if (await isEoiAt(source.size - 2)) return true;
  if (trailer > 0 && (await isEoiAt(source.size - trailer - 2))) return true;
  const tailLength = Math.min(source.size - scanStart, 64 * 1024);
  const tail = await source.read(source.size - tailLength, tailLength);
  for (let i = tail.length - 2; i >= 0; i--) if (tail[i] === 0xff && tail[i + 1] === 0xd9) return true;
  return false;
};

export const probePng = async (source: ByteSource, signal: AbortSignal): Promise<ImageFacts> => {
  const ihdr = view(await readExactly(source, 8, 25, 'png', what('PNG 缺少 IHDR 块', 'the PNG has no IHDR chunk')));
  if (ihdr.getUint32(0) !== 13 || ascii(new Uint8Array(ihdr.buffer, ihdr.byteOffset + 4, 4)) !== 'IHDR') {
    throw corrupt('png', what('PNG 首个块不是 IHDR', 'the first PNG chunk is not IHDR'));
  }
  const width = ihdr.getUint32(8);
  const height = ihdr.getUint32(12);
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) throw corrupt('png', what('PNG 尺寸无效', 'the PNG size is invalid'));

  // Walk the chunk headers to IEND (8 bytes each, data skipped), picking up eXIf on the way.
  let offset = 33;
  let tiff: Uint8Array | undefined;
  let sawData = false;
  for (let chunks = 0; ; chunks++) {
    if (chunks > MAX_PNG_CHUNKS) throw corrupt('png', what('PNG 块过多', 'too many PNG chunks'));
    const header = await readExactly(source, offset, 8, 'png', what('PNG 缺少结束块 IEND', 'the PNG has no IEND chunk'));
    const length = view(header).getUint32(0);
    const type = ascii(header, 4, 8);
    if (!/^[A-Za-z]{4}$/.test(type) || length > 0x7fffffff) throw corrupt('png', what(`PNG 块无效（偏移 ${offset}）`, `invalid PNG chunk at offset ${offset}`));
    if (offset + 12 + length > source.size) throw truncated('png', what(`PNG 块 ${type} 被截断`, `the PNG chunk ${type} is cut off`));
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') break;
    if (type === 'eXIf' && tiff === undefined && length <= MAX_EXIF_BYTES) {
      const data = await readExactly(source, offset + 8, length, 'png', what('PNG 的 eXIf 块不完整', 'the PNG eXIf chunk is cut off'));
      if (isTiff(data)) tiff = data.slice();
    }
    offset += 12 + length;
  }
  if (!sawData) throw corrupt('png', what('PNG 没有图像数据（IDAT）', 'the PNG has no image data (IDAT)'));
  // Colour types 0 and 4 are greyscale (with or without alpha); palettes and RGB carry colour.
  const colourType = ihdr.getUint8(17);
  return facts('png', width, height, colourType !== 0 && colourType !== 4, tiff, (await readMetadata(tiff, undefined, signal)).exif);
};
