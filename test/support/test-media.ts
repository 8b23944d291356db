import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deflateRawSync } from 'node:zlib';
import CFB from 'cfb';
import { zipSync, strToU8 } from 'fflate';

/**
 * Test media made by the tests: PDFs, PPTX and PPT built byte by byte here (small, exact, no tool
 * needed), and images and videos made by ffmpeg, ImageMagick and exiftool when installed
 * (.ci/install-media-tools installs them; `hasTool` lets a test skip with its reason where they cannot be).
 */
const run = promisify(execFile);

export const hasTool = async (command: string, args: string[] = ['-version']) => {
  try {
    await run(command, args, { timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
};

/** Runs `tool args…` in a fresh directory and returns the bytes of `output` there. */
export const makeWith = async (steps: Array<[string, ...string[]]>, output: string): Promise<Uint8Array> => {
  const dir = await mkdtemp(join(tmpdir(), 'leitai-media-'));
  try {
    for (const [command, ...args] of steps) await run(command, args, { cwd: dir, timeout: 60_000 });
    return new Uint8Array(await readFile(join(dir, output)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

/** A PDF of the given objects with a correct cross-reference table. */
export const pdfOf = (objects: Array<string | Uint8Array>): Uint8Array => {
  const parts: Uint8Array[] = [];
  let length = 0;
  const push = (part: string | Uint8Array) => {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'latin1') : part;
    parts.push(bytes);
    length += bytes.length;
  };
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    push(`${i + 1} 0 obj\n`);
    push(body);
    push('\nendobj\n');
  });
  const xref = length;
  push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`);
  for (const offset of offsets) push(`${String(offset).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(parts)); // a plain copy: Buffer#slice would share memory with it
};

const stream = (dictionary: string, data: Uint8Array | string) => {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  return Buffer.concat([Buffer.from(`<< ${dictionary} /Length ${bytes.length} >>\nstream\n`, 'latin1'), bytes, Buffer.from('\nendstream', 'latin1')]);
};

/** A PDF whose pages each say "Leitai page N" in Helvetica: text extractable; `padding` bytes of an unused stream make it large. */
export const pdfWithText = (pages: number, padding = 0) => {
  const pageIds = Array.from({ length: pages }, (_, i) => 4 + i * 2);
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ...pageIds.flatMap((id, i) => [
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${id + 1} 0 R >>`,
      stream('', `BT /F1 24 Tf 72 720 Td (Leitai page ${i + 1}) Tj ET`),
    ]),
    ...(padding > 0 ? [stream('', new Uint8Array(padding).fill(0x20))] : []),
  ]);
};

/** A PDF of one page that is only a picture (a scan): no text to extract. */
export const pdfWithImageOnly = () => {
  const pixels = new Uint8Array(16 * 16 * 3).map((_, i) => (i * 37) % 256);
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    stream('/Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceRGB /BitsPerComponent 8', pixels),
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 3 0 R >> >> /Contents 5 0 R >>',
    stream('', 'q 400 0 0 400 97 221 cm /Im1 Do Q'),
  ]);
};

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/></Types>`;

/** A minimal PPTX: content types, package relationships, presentation.xml and N slide parts. */
export const pptx = (slides: number, extra: Record<string, Uint8Array> = {}) => {
  const ids = Array.from({ length: slides }, (_, i) => i + 1);
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="ppt/presentation.xml"/></Relationships>',
    ),
    'ppt/presentation.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><p:sldIdLst>${ids.map((i) => `<p:sldId id="${255 + i}" r:id="rId${i}"/>`).join('')}</p:sldIdLst><p:sldSz cx="12192000" cy="6858000"/></p:presentation>`,
    ),
    ...Object.fromEntries(
      ids.map((i) => [
        `ppt/slides/slide${i}.xml`,
        strToU8(
          `<?xml version="1.0" encoding="UTF-8"?><p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:cSld><p:spTree/></p:cSld></p:sld>`,
        ),
      ]),
    ),
    ...extra,
  };
  return zipSync(files, { level: 6 });
};

export const docx = () =>
  zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES.replace('/ppt/presentation.xml', '/word/document.xml')),
    'word/document.xml': strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'),
  });

/**
 * A PPTX zip bomb: one deflated stream of zeros (each MB deflates to ~1 KB) declared as `entries`
 * slide media parts of `megabytes` each, so the declared inflated total is entries × megabytes.
 */
export const pptxBomb = (megabytes: number, entries: number) => {
  const zeros = deflateRawSync(Buffer.alloc(megabytes * 1024 * 1024), { level: 9 });
  const extra: Record<string, Uint8Array> = {};
  for (let i = 0; i < entries; i++) extra[`ppt/media/image${i}.bmp`] = new Uint8Array(0);
  const zip = pptx(1, extra);
  return patchEntries(zip, /^ppt\/media\//, zeros, megabytes * 1024 * 1024);
};

/**
 * Rebuilds a zip so that entries whose name matches carry `data` (already deflated) and declare
 * `inflatedSize`: the shape of a real zip bomb, without inflating anything to make it.
 */
export const patchEntries = (zip: Uint8Array, match: RegExp, data: Uint8Array, inflatedSize: number) => {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let written = 0;
  let eocd = zip.length - 22;
  while (dv.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = dv.getUint16(eocd + 10, true);
  let at = dv.getUint32(eocd + 16, true);
  for (let i = 0; i < count; i++) {
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    const name = Buffer.from(zip.subarray(at + 46, at + 46 + nameLength)).toString('utf8');
    const local = dv.getUint32(at + 42, true);
    const localNameLength = dv.getUint16(local + 26, true);
    const localExtraLength = dv.getUint16(local + 28, true);
    const compressedSize = dv.getUint32(at + 20, true);
    const patched = match.test(name);
    const body = patched
      ? data
      : zip.subarray(local + 30 + localNameLength + localExtraLength, local + 30 + localNameLength + localExtraLength + compressedSize);
    const header = Buffer.from(zip.subarray(local, local + 30 + localNameLength + localExtraLength));
    const entry = Buffer.from(zip.subarray(at, at + 46 + nameLength + extraLength + commentLength));
    if (patched) {
      for (const [buffer, base] of [
        [header, 14],
        [entry, 16],
      ] as const) {
        buffer.writeUInt32LE(0, base); // CRC: never checked before the sizes refuse it
        buffer.writeUInt32LE(data.length, base + 4);
        buffer.writeUInt32LE(inflatedSize, base + 8);
      }
      header.writeUInt16LE(8, 8);
      entry.writeUInt16LE(8, 10);
    }
    entry.writeUInt32LE(written, 42);
    out.push(header, body);
    written += header.length + body.length;
    central.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.from(zip.subarray(eocd, eocd + 22));
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(written, 16);
  return new Uint8Array(Buffer.concat([...out, directory, end]));
};

/** A DocumentSummaryInformation property set holding PIDDSI_SLIDECOUNT = slides. */
const documentSummary = (slides: number) => {
  const section = Buffer.alloc(8 + 8 + 8);
  section.writeUInt32LE(section.length, 0);
  section.writeUInt32LE(1, 4);
  section.writeUInt32LE(0x07, 8); // PIDDSI_SLIDECOUNT
  section.writeUInt32LE(16, 12);
  section.writeUInt16LE(0x03, 16); // VT_I4
  section.writeInt32LE(slides, 20);
  const header = Buffer.alloc(48);
  header.writeUInt16LE(0xfffe, 0);
  header.writeUInt32LE(0x00020006, 4);
  header.writeUInt32LE(1, 24);
  Buffer.from('02d5cdd59c2e1b10939708002b2cf9ae', 'hex').copy(header, 28);
  header.writeUInt32LE(48, 44);
  return Buffer.concat([header, section]);
};

/** PowerPoint binary records: a DocumentContainer whose slide list holds `slides` SlidePersistAtoms. */
const powerPointDocument = (slides: number) => {
  const record = (verInstance: number, type: number, body: Buffer) => {
    const header = Buffer.alloc(8);
    header.writeUInt16LE(verInstance, 0);
    header.writeUInt16LE(type, 2);
    header.writeUInt32LE(body.length, 4);
    return Buffer.concat([header, body]);
  };
  const atoms = Array.from({ length: slides }, (_, i) => record(0, 0x03f3, Buffer.alloc(20, i)));
  const list = record(0x000f, 0x0ff0, Buffer.concat(atoms));
  return record(0x000f, 0x03e8, Buffer.concat([record(0x0001, 0x03e9, Buffer.alloc(40)), list]));
};

/**
 * A PPT (OLE2) with the PowerPoint Document stream and, unless told not to, the slide count in its
 * summary; `records` replaces the stream's DocumentContainer with other records (hostile ones).
 */
export const ppt = (slides: number, { summary = true, padding = 0, records }: { summary?: boolean; padding?: number; records?: Uint8Array } = {}) => {
  const file = CFB.utils.cfb_new();
  CFB.utils.cfb_add(file, '/PowerPoint Document', Buffer.concat([records ?? powerPointDocument(slides), Buffer.alloc(padding)]));
  CFB.utils.cfb_add(file, '/Current User', Buffer.alloc(32));
  if (summary) CFB.utils.cfb_add(file, '/\u0005DocumentSummaryInformation', documentSummary(slides));
  return new Uint8Array(CFB.write(file, { type: 'buffer' }) as Buffer);
};

export const doc = () => {
  const file = CFB.utils.cfb_new();
  CFB.utils.cfb_add(file, '/WordDocument', Buffer.alloc(1024, 1));
  return new Uint8Array(CFB.write(file, { type: 'buffer' }) as Buffer);
};
