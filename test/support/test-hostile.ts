import { readFile } from 'node:fs/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { deflateRawSync } from 'node:zlib';
import { patchEntries, pdfOf, ppt, pptx } from './test-media.ts';

/**
 * Pathological files, one table per probe kind: long NUL runs in every text field a probe reads,
 * huge counts and lengths in headers, deep nesting, many tiny boxes, segments and records. Built byte
 * by byte (no tool needed), each 15 MB at most (the ZIP directories). And the measure they are held to: the longest the
 * main thread's event loop was kept from running while a probe worked (fuzz.test.ts).
 */

const loopDelayOnce = async (work: () => Promise<unknown>) => {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  // The histogram's first tick only starts its clock: a block before it would go unseen.
  await new Promise((resolve) => setTimeout(resolve, 20));
  await work();
  await new Promise((resolve) => setTimeout(resolve, 20));
  histogram.disable();
  return histogram.max / 1e6;
};

/**
 * The longest event-loop delay, in ms, while `work` runs. Work that blocks the loop does so each time
 * it runs; a busy machine's scheduler does not (on two shared cores, a worker thread's CPU burst alone
 * delayed the loop by up to 70 ms, and 124 ms while another test process ran beside it). So a delay of
 * `retryAtMs` or more is measured again, up to `attempts` times, and the least is the answer.
 */
export const maxLoopDelayMs = async (work: () => Promise<unknown>, retryAtMs = 100, attempts = 3) => {
  let least = Infinity;
  for (let attempt = 0; attempt < attempts && least >= retryAtMs; attempt += 1) least = Math.min(least, await loopDelayOnce(work));
  return least;
};

const fixture = async (name: string) => new Uint8Array(await readFile(new URL(`../fixtures/${name}`, import.meta.url)));
export const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
export const nuls = (n: number, then = '') => concat(new Uint8Array(n), latin1(then));
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const concatAll = (parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
/** `unit` written `count` times over, in one allocation. */
const repeated = (unit: Uint8Array, count: number) => new Uint8Array(Buffer.alloc(unit.length * count, Buffer.from(unit)));
const u16 = (n: number) => new Uint8Array([n >> 8, n & 0xff]);
const u32 = (n: number) => new Uint8Array([n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]);

/**
 * A big-endian TIFF block whose IFD0 holds Make and Model, and an Exif IFD holding DateTimeOriginal,
 * all ASCII; `declaredEntries` overstates IFD0's entry count, as a hostile file may.
 */
export const tiffBlock = ({ make, model, taken, declaredEntries }: { make?: Uint8Array; model?: Uint8Array; taken?: Uint8Array; declaredEntries?: number }) => {
  const ifd0 = [...(make ? [[0x010f, make] as const] : []), ...(model ? [[0x0110, model] as const] : [])];
  const exif = taken ? [[0x9003, taken] as const] : [];
  const ifd0Size = 2 + (ifd0.length + (taken ? 1 : 0)) * 12 + 4;
  const exifAt = 8 + ifd0Size;
  let dataAt = exifAt + (taken ? 2 + 12 + 4 : 0);
  const data: Uint8Array[] = [];
  const entry = (tag: number, value: Uint8Array) => {
    // Four bytes or fewer are stored in the entry itself, as TIFF requires.
    if (value.length <= 4) return concat(u16(tag), u16(2), u32(value.length), value, new Uint8Array(4 - value.length));
    const bytes = concat(u16(tag), u16(2), u32(value.length), u32(dataAt));
    data.push(value);
    dataAt += value.length;
    return bytes;
  };
  const ifd0Entries = ifd0.map(([tag, value]) => entry(tag, value));
  if (taken) ifd0Entries.push(concat(u16(0x8769), u16(4), u32(1), u32(exifAt)));
  const exifEntries = exif.map(([tag, value]) => entry(tag, value));
  return concat(
    latin1('MM\0*'),
    u32(8),
    u16(declaredEntries ?? ifd0Entries.length),
    ...ifd0Entries,
    u32(0),
    ...(taken ? [u16(1), ...exifEntries, u32(0)] : []),
    ...data,
  );
};

const segment = (marker: number, payload: Uint8Array) => concat(new Uint8Array([0xff, marker]), u16(payload.length + 2), payload);
export const exifSegment = (tiff: Uint8Array) => segment(0xe1, concat(latin1('Exif\0\0'), tiff));
const xmpSegment = (xmp: string) => segment(0xe1, latin1(`http://ns.adobe.com/xap/1.0/\0${xmp}`));
/** A JPEG with `segments` inserted right after its SOI. */
export const jpegWith = (base: Uint8Array, ...segments: Uint8Array[]) => concatAll([base.subarray(0, 2), ...segments, base.subarray(2)]);

const chunk = (type: string, data: Uint8Array) => concat(u32(data.length), latin1(type), data, u32(0));
/** A PNG with `chunks` inserted right after its IHDR. */
const pngWith = (base: Uint8Array, chunks: Uint8Array[]) => concatAll([base.subarray(0, 33), ...chunks, base.subarray(33)]);

const box = (type: string, ...content: Uint8Array[]) => {
  const body = concat(...content);
  return concat(u32(8 + body.length), latin1(type), body);
};
/** Empty boxes of these types, each inside the one before: headers only, sizes from the inside out. */
const nestedBoxes = (types: string[]) => {
  const out = Buffer.alloc(types.length * 8);
  types.forEach((type, depth) => {
    out.writeUInt32BE((types.length - depth) * 8, depth * 8);
    out.write(type, depth * 8 + 4, 'latin1');
  });
  return new Uint8Array(out);
};
const topLevelBoxes = (mp4: Uint8Array) => {
  const boxes: Array<{ type: string; bytes: Uint8Array }> = [];
  for (let at = 0; at + 8 <= mp4.length;) {
    const size = new DataView(mp4.buffer, mp4.byteOffset + at).getUint32(0);
    boxes.push({ type: Buffer.from(mp4.subarray(at + 4, at + 8)).toString('latin1'), bytes: mp4.subarray(at, at + size) });
    at += size;
  }
  return boxes;
};
/** The MP4 with its sample size table declaring 2^31 − 1 samples of their own sizes. */
const withHugeSampleCount = (mp4: Uint8Array) => {
  const out = mp4.slice();
  const at = Buffer.from(out).indexOf('stsz');
  new DataView(out.buffer).setUint32(at + 8, 0);
  new DataView(out.buffer).setUint32(at + 12, 0x7fffffff);
  return out;
};

/** A ZIP of one stub local header and a central directory of `names` (sizes 0, all at that header). */
const zipOfNames = (names: Uint8Array[]) => {
  const local = concat(latin1('PK\x03\x04'), new Uint8Array(22), new Uint8Array([1, 0, 0, 0]), latin1('a'));
  const central = names.map((name) => {
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(name.length, 28);
    return concat(entry, name);
  });
  const directory = concatAll(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(local.length, 16);
  return concat(local, directory, end);
};

/** PowerPoint records of 8 header bytes and no body: the most records a stream of that size can hold. */
const emptyRecords = (count: number) => new Uint8Array(count * 8);

const nested = (depth: number, open: string, close: string, inner = '') => `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

export type HostileTable = Record<string, Array<[string, () => Uint8Array]>>;

export const hostileFiles = async (): Promise<HostileTable> => {
  const jpeg = await fixture('small.jpg');
  const png = await fixture('small.png');
  const mp4 = await fixture('small.mp4');
  const [ftyp, ...rest] = topLevelBoxes(mp4);
  return {
    jpeg: [
      ['EXIF Make of 65,000 NULs and a letter', () => jpegWith(jpeg, exifSegment(tiffBlock({ make: nuls(65_000, 'A') })))],
      [
        'EXIF Make, Model and time of 21,000 NULs each',
        () => jpegWith(jpeg, exifSegment(tiffBlock({ make: nuls(21_000, 'A'), model: nuls(21_000, 'B'), taken: nuls(21_000, 'C') }))),
      ],
      ['EXIF IFD declaring 65,535 entries', () => jpegWith(jpeg, exifSegment(tiffBlock({ make: latin1('Canon\0'), declaredEntries: 0xffff })))],
      ['XMP MicroVideoOffset of 65,000 digits, unclosed', () => jpegWith(jpeg, xmpSegment(`MicroVideoOffset="${'9'.repeat(65_000)}`))],
      ['XMP of 4,000 Container items', () => jpegWith(jpeg, xmpSegment('<Item:Length="1"/>'.repeat(3_600)))],
      ['4,000 empty APP2 segments', () => jpegWith(jpeg, repeated(segment(0xe2, new Uint8Array(0)), 4_000))],
    ],
    png: [
      ['eXIf Make of 65,000 NULs and a letter', () => pngWith(png, [chunk('eXIf', tiffBlock({ make: nuls(65_000, 'A') }))])],
      ['199,000 empty ancillary chunks', () => pngWith(png, [repeated(chunk('tEXt', new Uint8Array(0)), 199_000)])],
    ],
    mp4: [
      ['99,000 empty top-level boxes', () => concatAll([ftyp!.bytes, repeated(box('free'), 99_000), ...rest.map((b) => b.bytes)])],
      ['moov nested 20,000 boxes deep', () => concat(ftyp!.bytes, nestedBoxes(['moov', ...Array<string>(20_000).fill('trak')]))],
      ['sample table declaring 2^31 samples', () => withHugeSampleCount(mp4)],
      [
        'handler name of 65,000 NULs',
        () => concat(ftyp!.bytes, box('moov', box('trak', box('mdia', box('hdlr', new Uint8Array(8), latin1('vide'), new Uint8Array(12), nuls(65_000, 'A')))))),
      ],
    ],
    pdf: [
      [
        'arrays nested 100,000 deep',
        () =>
          pdfOf([
            `<< /Type /Catalog /Pages 2 0 R /X ${nested(100_000, '[', ']')} >>`,
            '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
            '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 9 9] >>',
          ]),
      ],
      [
        'dictionaries nested 50,000 deep',
        () =>
          pdfOf([
            `<< /Type /Catalog /Pages 2 0 R /X ${nested(50_000, '<< /A ', ' >>', '1')} >>`,
            '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
            '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 9 9] >>',
          ]),
      ],
      [
        'page tree declaring 2^31 pages, its kids itself',
        () => pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R 2 0 R] /Count 2147483647 >>']),
      ],
      [
        'title of 65,000 NULs',
        () =>
          pdfOf([
            `<< /Type /Catalog /Pages 2 0 R /Title (${'\0'.repeat(65_000)}A) >>`,
            '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
            '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 9 9] >>',
          ]),
      ],
    ],
    zip: [
      ['20,000 entries of 700-byte names', () => zipOfNames(Array.from({ length: 20_000 }, (_, i) => latin1(`${'d/'.repeat(340)}${i}.zip`)))],
      ['200 entry names of 65,000 NULs', () => zipOfNames(Array.from({ length: 200 }, (_, i) => nuls(65_000, `${i}`)))],
    ],
    pptx: [['presentation.xml inflating to 32 MB', () => presentationInflatingTo(32 * 1024 * 1024)]],
    ppt: [
      ['PowerPoint Document of 1,000,000 empty records', () => ppt(0, { summary: false, records: emptyRecords(1_000_000) })],
      ['slide list of 500,000 empty atoms', () => ppt(0, { summary: false, records: documentOfAtoms(500_000) })],
    ],
  };
};

/** A PPTX whose presentation.xml, a few KB deflated, inflates to `size` bytes: a presentation tag, then spaces. */
const presentationInflatingTo = (size: number) => {
  const xml = Buffer.alloc(size, 0x20);
  xml.write('<p:presentation>', 'latin1');
  return patchEntries(pptx(1), /^ppt\/presentation\.xml$/, deflateRawSync(xml, { level: 1 }), size);
};

/** A DocumentContainer whose slide list holds `count` SlidePersistAtoms with no body. */
const documentOfAtoms = (count: number) => {
  const header = (verInstance: number, type: number, length: number) => {
    const bytes = Buffer.alloc(8);
    bytes.writeUInt16LE(verInstance, 0);
    bytes.writeUInt16LE(type, 2);
    bytes.writeUInt32LE(length, 4);
    return bytes;
  };
  const atoms = Buffer.alloc(count * 8);
  for (let i = 0; i < count; i++) atoms.writeUInt16LE(0x03f3, i * 8 + 2);
  return concat(header(0x000f, 0x03e8, 8 + atoms.length), header(0x000f, 0x0ff0, atoms.length), atoms);
};
