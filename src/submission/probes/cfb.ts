import type { ByteSource, FileKind } from './types.ts';
import { corrupt, readExactly, startsWith, truncated, view } from './refusal.ts';

/**
 * A minimal reader of Compound File Binary (OLE2) containers — PPT, DOC, and password-protected
 * PPTX/DOCX — that reads the header, the FAT and the directory, then single streams on demand, so a
 * 300 MB deck with embedded video is probed in kilobytes. (The `cfb` package parses the whole file
 * from one buffer; we only need a few hundred bytes of it.) Layout: [MS-CFB].
 */
export const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const NO_STREAM = 0xffffffff;

export interface CfbEntry {
  name: string;
  type: number; // 1 storage, 2 stream, 5 root
  start: number;
  size: number;
}

export interface CfbContainer {
  /** The streams and storages directly under the root, by name. */
  rootNames: Set<string>;
  readStream(name: string, maxBytes: number): Promise<Uint8Array | undefined>;
}

const what = (zh: string, en: string) => ({ zh, en });

export const readCfb = async (source: ByteSource, kind: FileKind): Promise<CfbContainer> => {
  const header = await readExactly(source, 0, 512, kind, what('OLE2 文件头', 'the OLE2 header'));
  const hv = view(header);
  if (!startsWith(header, CFB_SIGNATURE)) throw corrupt(kind, what('不是 OLE2 容器', 'not an OLE2 container'));
  const shift = hv.getUint16(0x1e, true);
  const miniShift = hv.getUint16(0x20, true);
  if ((shift !== 9 && shift !== 12) || miniShift !== 6) throw corrupt(kind, what('OLE2 扇区大小无效', 'invalid OLE2 sector size'));
  const sectorSize = 1 << shift;
  const sectorCount = Math.ceil(Math.max(0, source.size - sectorSize) / sectorSize);
  const fatSectorCount = hv.getUint32(0x2c, true);
  const firstDirectorySector = hv.getUint32(0x30, true);
  const miniCutoff = hv.getUint32(0x38, true);
  const firstMiniFatSector = hv.getUint32(0x3c, true);
  let difatSector = hv.getUint32(0x44, true);
  const perSector = sectorSize / 4;
  if (fatSectorCount > sectorCount / perSector + 2) throw corrupt(kind, what('OLE2 FAT 大小与文件不符', 'the OLE2 FAT does not fit the file'));

  const readSector = (n: number) => {
    if (n >= sectorCount) throw truncated(kind, what(`OLE2 扇区 ${n} 超出文件末尾`, `OLE2 sector ${n} lies beyond the end of the file`));
    return readExactly(source, (n + 1) * sectorSize, sectorSize, kind, what(`OLE2 扇区 ${n}`, `OLE2 sector ${n}`));
  };

  // The FAT's own sectors: 109 listed in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatSectorCount; i++) fatSectors.push(hv.getUint32(0x4c + i * 4, true));
  for (let hops = 0; fatSectors.length < fatSectorCount; hops++) {
    if (difatSector === END_OF_CHAIN || difatSector === FREE || hops > sectorCount)
      throw corrupt(kind, what('OLE2 DIFAT 链断裂', 'the OLE2 DIFAT chain is broken'));
    const dv = view(await readSector(difatSector));
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatSectorCount; i++) fatSectors.push(dv.getUint32(i * 4, true));
    difatSector = dv.getUint32(sectorSize - 4, true);
  }
  // FAT sectors are read when a chain needs them: a 300 MB deck has a 2.4 MB FAT, of which a probe needs a few sectors.
  const fatTables = new Map<number, Uint32Array>();
  const fat = async (n: number) => {
    const index = Math.floor(n / perSector);
    const sector = fatSectors[index];
    if (sector === undefined) throw corrupt(kind, what('OLE2 扇区链断裂或成环', 'an OLE2 sector chain is broken or loops'));
    let table = fatTables.get(index);
    if (!table) {
      table = new Uint32Array((await readSector(sector)).slice().buffer);
      fatTables.set(index, table);
    }
    return table[n % perSector]!;
  };

  const chain = async (start: number, next: (n: number) => number | Promise<number>, limit: number) => {
    const sectors: number[] = [];
    for (let n = start; n !== END_OF_CHAIN; n = await next(n)) {
      if (n >= 0xfffffffa || sectors.length >= limit) throw corrupt(kind, what('OLE2 扇区链断裂或成环', 'an OLE2 sector chain is broken or loops'));
      sectors.push(n);
    }
    return sectors;
  };
  const readChain = async (sectors: number[], size: number) => {
    const out = new Uint8Array(sectors.length * sectorSize);
    for (const [i, sector] of sectors.entries()) out.set(await readSector(sector), i * sectorSize);
    return out.subarray(0, Math.min(size, out.length));
  };

  const directory = await readChain(await chain(firstDirectorySector, fat, sectorCount), Infinity);
  const dd = view(directory);
  const entryAt = (i: number): CfbEntry | undefined => {
    if (i === NO_STREAM || (i + 1) * 128 > directory.length) return undefined;
    const at = i * 128;
    const nameBytes = Math.min(64, dd.getUint16(at + 64, true));
    let name = '';
    for (let c = 0; c < nameBytes - 2; c += 2) {
      const code = dd.getUint16(at + c, true);
      if (code === 0) break;
      name += String.fromCharCode(code);
    }
    return { name, type: dd.getUint8(at + 66), start: dd.getUint32(at + 116, true), size: dd.getUint32(at + 120, true) };
  };
  const root = entryAt(0);
  if (!root || root.type !== 5) throw corrupt(kind, what('OLE2 缺少根目录项', 'the OLE2 root entry is missing'));

  // The root's children form a red-black tree through left/right sibling links.
  const children = new Map<string, CfbEntry>();
  const stack = [dd.getUint32(76, true)];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const i = stack.pop()!;
    const entry = entryAt(i);
    if (!entry || seen.has(i)) continue;
    seen.add(i);
    if (entry.type === 1 || entry.type === 2) children.set(entry.name, entry);
    stack.push(dd.getUint32(i * 128 + 68, true), dd.getUint32(i * 128 + 72, true));
  }

  let mini: { fat: Uint32Array; streamSectors: number[] } | undefined;
  const miniStream = async () => {
    if (mini) return mini;
    const miniFatSectors = firstMiniFatSector === END_OF_CHAIN ? [] : await chain(firstMiniFatSector, fat, sectorCount);
    const bytes = await readChain(miniFatSectors, Infinity);
    mini = { fat: new Uint32Array(bytes.slice().buffer), streamSectors: await chain(root.start, fat, sectorCount) };
    return mini;
  };

  return {
    rootNames: new Set(children.keys()),
    async readStream(name, maxBytes) {
      const entry = children.get(name);
      if (!entry || entry.type !== 2) return undefined;
      const size = Math.min(entry.size, maxBytes);
      if (entry.size >= miniCutoff) {
        const needed = Math.ceil(size / sectorSize);
        const sectors = await chain(entry.start, fat, Math.ceil(entry.size / sectorSize) + 1);
        return readChain(sectors.slice(0, needed), size);
      }
      const { fat: miniFat, streamSectors } = await miniStream();
      const miniSectors = await chain(
        entry.start,
        (n) => {
          if (n >= miniFat.length) throw corrupt(kind, what('OLE2 迷你扇区链断裂', 'an OLE2 mini sector chain is broken'));
          return miniFat[n]!;
        },
        Math.ceil(entry.size / 64) + 1,
      );
      const out = new Uint8Array(Math.ceil(size / 64) * 64);
      let cached: { sector: number; bytes: Uint8Array } | undefined; // consecutive mini sectors share a sector
      for (const [i, m] of miniSectors.slice(0, out.length / 64).entries()) {
        const offset = m * 64;
        const sector = streamSectors[Math.floor(offset / sectorSize)];
        if (sector === undefined) throw corrupt(kind, what('OLE2 迷你流越界', 'the OLE2 mini stream is overrun'));
        if (cached?.sector !== sector) cached = { sector, bytes: await readSector(sector) };
        const bytes = cached.bytes;
        out.set(bytes.subarray(offset % sectorSize, (offset % sectorSize) + 64), i * 64);
      }
      return out.subarray(0, size);
    },
  };
};
