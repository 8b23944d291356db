import type { ClosableByteSource } from './probes/byte-source.ts';
import { probe, type ProbeOptions } from './probes/index.ts';
import type { ProbeResult } from './probes/types.ts';
import type { WorksStorage } from './storage/types.ts';

/** Probes a stored file through its storage; one that cannot be opened (missing, no permission) is refused too. */
export async function probeStored(storage: WorksStorage, key: string, options: ProbeOptions = {}): Promise<ProbeResult> {
  let source: ClosableByteSource;
  try {
    source = await storage.openSource(key);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).name ?? 'error';
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
}

export { assertStorageKey, type WorksStorage } from './storage/types.ts';
export { digestState, StoredFileTooLarge, type HashStates } from './storage/hashing.ts';
export { localStorage } from './storage/local.ts';
export { s3Storage, type S3StorageOptions } from './storage/s3.ts';
