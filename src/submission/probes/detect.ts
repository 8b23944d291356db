import type { ByteSource, FileKind } from './types.ts';
import { readCfb, CFB_SIGNATURE, type CfbContainer } from './cfb.ts';
import { ascii, encrypted, ProbeFailure, startsWith, view } from './refusal.ts';
import { readZipDirectory, type ZipDirectory } from './zip.ts';

/**
 * The kind of a file, from its content, never its name. A hand-written detector rather than
 * file-type: file-type 22 needs Node 22, and the ten kinds Leitai takes need only magic bytes plus
 * a look inside the two containers (OLE2 for PPT/DOC, ZIP for PPTX/DOCX), which the probes then reuse.
 */
export interface Detection {
  kind: FileKind;
  /** Parsed while detecting, so the slide probe does not read them twice. */
  zip?: ZipDirectory;
  cfb?: CfbContainer;
}

export const HEAD_BYTES = 4096;

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
/** Brands of ISO-BMFF files that are still images (HEIF/AVIF), not video. */
const IMAGE_BRANDS = new Set(['heic', 'heix', 'hevc', 'mif1', 'msf1', 'avif', 'avis']);
/** Top-level atoms that open a QuickTime file written without ftyp (before 2001). */
const QUICKTIME_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

const unsupported = (what: { zh: string; en: string }) =>
  new ProbeFailure('file.unsupported_type', {
    zh: `不支持的文件类型：${what.zh}（可接受 JPEG、PNG、MP4、MOV、PDF、PPT、PPTX、DOC、DOCX、ZIP）`,
    en: `Unsupported file type: ${what.en} (accepted: JPEG, PNG, MP4, MOV, PDF, PPT, PPTX, DOC, DOCX, ZIP)`,
  });

export const detect = async (source: ByteSource): Promise<Detection> => {
  const head = await source.read(0, HEAD_BYTES);
  if (startsWith(head, JPEG)) return { kind: 'jpeg' };
  if (startsWith(head, PNG)) return { kind: 'png' };
  // PDF readers accept the header anywhere in the first 1024 bytes.
  if (ascii(head, 0, Math.min(head.length, 1024)).includes('%PDF-')) return { kind: 'pdf' };

  if (head.length >= 12) {
    const type = ascii(head, 4, 8);
    if (type === 'ftyp') {
      const brand = ascii(head, 8, 12);
      if (brand === 'qt  ') return { kind: 'mov' };
      if (IMAGE_BRANDS.has(brand)) throw unsupported({ zh: `HEIF/AVIF 图片（${brand.trim()}）`, en: `a HEIF/AVIF image (${brand.trim()})` });
      return { kind: 'mp4' };
    }
    if (QUICKTIME_ATOMS.has(type) && view(head).getUint32(0) >= 8) return { kind: 'mov' };
  }

  if (startsWith(head, CFB_SIGNATURE)) {
    const cfb = await readCfb(source, 'ppt');
    if (cfb.rootNames.has('PowerPoint Document')) return { kind: 'ppt', cfb };
    if (cfb.rootNames.has('WordDocument')) return { kind: 'doc', cfb };
    if (cfb.rootNames.has('EncryptedPackage')) throw encrypted(undefined, { zh: '受密码保护的 Office 文档', en: 'a password-protected Office document' });
    throw unsupported({ zh: '其他 OLE2 文档（如 Excel 97–2003）', en: 'another OLE2 document (such as Excel 97–2003)' });
  }

  if (startsWith(head, ZIP_LOCAL) || startsWith(head, ZIP_EMPTY)) {
    const zip = await readZipDirectory(source, 'zip');
    // Compared one by one rather than put in a Set: hashing every name costs as much as the names are
    // long (a directory may hold 16 MB of them), while a comparison stops at the first differing length.
    const has = (name: string) => zip.entries.some((e) => e.name === name);
    if (has('[Content_Types].xml') && has('ppt/presentation.xml')) return { kind: 'pptx', zip };
    if (has('[Content_Types].xml') && has('word/document.xml')) return { kind: 'docx', zip };
    return { kind: 'zip', zip };
  }

  throw unsupported({ zh: '无法识别的内容', en: 'the content matches no accepted format' });
};
