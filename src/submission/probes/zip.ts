import type { ByteSource, FileKind } from './types.ts';
import { corrupt, encrypted, readExactly, truncated, view, zipBomb } from './refusal.ts';
import { cleanText, textLimits } from './clean-text.ts';
import { loopYielder } from './loop-yield.ts';

/**
 * The central directory of a ZIP (and so of PPTX and DOCX), read from the end of the file without
 * inflating anything: the end record, then the directory in one read. Sizes are as declared, which is
 * what a zip bomb lies about, so the limits below judge the declarations before anyone inflates.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** Bytes of the name as stored, which the local header repeats. */
  nameLength: number;
  encrypted: boolean;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  directoryOffset: number;
}

export const zipLimits = {
  /** A large deck has a few thousand parts; 42.zip-style files have far more. */
  maxEntries: 20_000,
  /** The central directory itself, read in one piece. */
  maxDirectoryBytes: 16 * 1024 * 1024,
  /** Declared size once inflated, over all entries. */
  maxTotalUncompressed: 4 * 1024 ** 3,
  /** Deflate cannot shrink data more than ~1032:1; a larger declared ratio is a lie or a bomb. */
  maxEntryRatio: 1100,
  /** Office XML compresses ~10–30:1; a whole archive beyond 200:1 and 100 MB is no document. */
  maxTotalRatio: 200,
  totalRatioAppliesAbove: 100 * 1024 * 1024,
} as const;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/**
 * Archives inside the archive: the nested-zip bomb. Office embeddings (.xlsx, .docx) are zips too and
 * stay allowed. Tested on a name's last characters only, so a 64 KB name of dots costs nothing.
 */
const NESTED_ARCHIVE = /\.(zip|7z|rar|gz|tgz|bz2|xz|tar|cab|jar)$/i;
const isNestedArchive = (name: string) => NESTED_ARCHIVE.test(name.slice(-8));

const what = (zh: string, en: string) => ({ zh, en });
/** An entry's name as a message quotes it: the archive's own text, cleaned and cut (clean-text.ts). */
const shown = (name: string) => cleanText(name, textLimits.name) ?? '?';

export const readZipDirectory = async (source: ByteSource, kind: FileKind): Promise<ZipDirectory> => {
  // The end record is 22 bytes plus a comment of up to 64 KB; look in the last 1 KB first, as comments are rare.
  let tail: Uint8Array = new Uint8Array(0);
  let tailLength = 0;
  let tailView = view(tail);
  let eocd = -1;
  for (const window of [1024, 22 + 0xffff]) {
    tailLength = Math.min(source.size, window);
    tail = await readExactly(source, source.size - tailLength, tailLength, kind, what('ZIP 结尾记录', 'ZIP end record'));
    tailView = view(tail);
    for (let i = tail.length - 22; i >= 0 && eocd < 0; i--) if (tailView.getUint32(i, true) === EOCD) eocd = i;
    if (eocd >= 0 || tailLength === source.size) break;
  }
  if (eocd < 0) throw truncated(kind, what('ZIP 缺少中央目录结尾记录', 'the ZIP end-of-central-directory record is missing'));
  const eocdOffset = source.size - tailLength + eocd;
  let count = tailView.getUint16(eocd + 10, true);
  let directorySize = tailView.getUint32(eocd + 12, true);
  let directoryOffset = tailView.getUint32(eocd + 16, true);

  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    if (eocd < 20 || tailView.getUint32(eocd - 20, true) !== ZIP64_LOCATOR) {
      throw corrupt(kind, what('ZIP64 定位记录缺失', 'the ZIP64 locator is missing'));
    }
    const zip64At = Number(tailView.getBigUint64(eocd - 20 + 8, true));
    const zip64 = view(await readExactly(source, zip64At, 56, kind, what('ZIP64 结尾记录', 'ZIP64 end record')));
    if (zip64.getUint32(0, true) !== ZIP64_EOCD) throw corrupt(kind, what('ZIP64 结尾记录无效', 'the ZIP64 end record is invalid'));
    count = Number(zip64.getBigUint64(32, true));
    directorySize = Number(zip64.getBigUint64(40, true));
    directoryOffset = Number(zip64.getBigUint64(48, true));
  }

  if (count > zipLimits.maxEntries) throw zipBomb(kind, what(`包含 ${count} 个条目`, `it declares ${count} entries`));
  if (directorySize > zipLimits.maxDirectoryBytes) throw zipBomb(kind, what('中央目录过大', 'the central directory is too large'));
  if (directoryOffset + directorySize > eocdOffset) {
    throw truncated(kind, what('ZIP 中央目录超出文件范围', 'the ZIP central directory lies beyond the file'));
  }

  const directory = await readExactly(source, directoryOffset, directorySize, kind, what('ZIP 中央目录', 'the ZIP central directory'));
  const dv = view(directory);
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  const pause = loopYielder();
  let at = 0;
  for (let i = 0; i < count; i++) {
    await pause();
    if (at + 46 > directory.length || dv.getUint32(at, true) !== CENTRAL) {
      throw corrupt(kind, what(`ZIP 中央目录第 ${i + 1} 项无效`, `central directory entry ${i + 1} is invalid`));
    }
    const flags = dv.getUint16(at + 8, true);
    const method = dv.getUint16(at + 10, true);
    let compressedSize = dv.getUint32(at + 20, true);
    let uncompressedSize = dv.getUint32(at + 24, true);
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    let localHeaderOffset = dv.getUint32(at + 42, true);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > directory.length) throw corrupt(kind, what(`ZIP 中央目录第 ${i + 1} 项越界`, `central directory entry ${i + 1} overruns it`));
    const name = decoder.decode(directory.subarray(at + 46, at + 46 + nameLength));
    // ZIP64 extended information: the 0xFFFFFFFF fields, in this order, each 8 bytes.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength;) {
      const id = dv.getUint16(x, true);
      const size = dv.getUint16(x + 2, true);
      if (id === 0x0001) {
        let field = x + 4;
        const next = () => {
          if (field + 8 > x + 4 + size || field + 8 > directory.length) throw corrupt(kind, what('ZIP64 扩展字段过短', 'a ZIP64 extra field is too short'));
          const value = Number(dv.getBigUint64(field, true));
          field += 8;
          return value;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
      }
      x += 4 + size;
    }
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset, nameLength, encrypted: (flags & 1) === 1 });
    at = end;
  }
  return { entries, directoryOffset };
};

/**
 * Refuses an archive whose declarations no honest document makes: too many entries, too much once
 * inflated, ratios beyond deflate's, archives nested inside, or entries that overlap one another
 * (the overlapping-file bomb, where many entries share one compressed stream).
 */
export const assertNotZipBomb = (directory: ZipDirectory, kind: FileKind) => {
  const { entries } = directory;
  let totalCompressed = 0;
  let totalUncompressed = 0;
  for (const entry of entries) {
    if (entry.encrypted) throw encrypted(kind, what(`条目 ${shown(entry.name)} 已加密`, `entry ${shown(entry.name)} is encrypted`));
    if (isNestedArchive(entry.name)) throw zipBomb(kind, what(`内嵌压缩包 ${shown(entry.name)}`, `it nests the archive ${shown(entry.name)}`));
    if (entry.uncompressedSize > 1024 * 1024 && entry.uncompressedSize > entry.compressedSize * zipLimits.maxEntryRatio) {
      throw zipBomb(
        kind,
        what(
          `条目 ${shown(entry.name)} 压缩比超过 ${zipLimits.maxEntryRatio}:1`,
          `entry ${shown(entry.name)} claims a ratio beyond ${zipLimits.maxEntryRatio}:1`,
        ),
      );
    }
    totalCompressed += entry.compressedSize;
    totalUncompressed += entry.uncompressedSize;
  }
  if (totalUncompressed > zipLimits.maxTotalUncompressed) {
    throw zipBomb(kind, what(`解压后共 ${Math.round(totalUncompressed / 1024 ** 2)} MB`, `it inflates to ${Math.round(totalUncompressed / 1024 ** 2)} MB`));
  }
  if (totalUncompressed > zipLimits.totalRatioAppliesAbove && totalUncompressed > Math.max(1, totalCompressed) * zipLimits.maxTotalRatio) {
    throw zipBomb(kind, what(`整体压缩比超过 ${zipLimits.maxTotalRatio}:1`, `its overall ratio is beyond ${zipLimits.maxTotalRatio}:1`));
  }
  const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (let i = 0; i < byOffset.length; i++) {
    const entry = byOffset[i]!;
    const end = entry.localHeaderOffset + 30 + entry.nameLength + entry.compressedSize;
    const next = byOffset[i + 1]?.localHeaderOffset ?? directory.directoryOffset;
    if (end > next) {
      if (i + 1 < byOffset.length) throw zipBomb(kind, what(`条目 ${shown(entry.name)} 与其他条目重叠`, `entry ${shown(entry.name)} overlaps another entry`));
      throw truncated(kind, what(`条目 ${shown(entry.name)} 的数据超出范围`, `the data of entry ${shown(entry.name)} runs past the directory`));
    }
  }
};

/** Reads one entry's bytes as stored (compressed), checking its local header; the caller inflates with a cap. */
export const readStoredEntry = async (source: ByteSource, entry: ZipEntry, kind: FileKind, maxCompressed: number) => {
  if (entry.compressedSize > maxCompressed) throw zipBomb(kind, what(`条目 ${shown(entry.name)} 过大`, `entry ${shown(entry.name)} is too large`));
  const header = view(
    await readExactly(source, entry.localHeaderOffset, 30, kind, what(`条目 ${shown(entry.name)} 的本地头`, `the local header of ${shown(entry.name)}`)),
  );
  if (header.getUint32(0, true) !== LOCAL)
    throw corrupt(kind, what(`条目 ${shown(entry.name)} 的本地头无效`, `the local header of ${shown(entry.name)} is invalid`));
  const dataAt = entry.localHeaderOffset + 30 + header.getUint16(26, true) + header.getUint16(28, true);
  return readExactly(source, dataAt, entry.compressedSize, kind, what(`条目 ${shown(entry.name)} 的数据`, `the data of ${shown(entry.name)}`));
};
