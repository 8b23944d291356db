/**
 * The embedded database belongs to one process at a time. PGlite runs PostgreSQL inside the
 * process with no server to arbitrate, so a second process opening the same directory (say,
 * `leitai audit verify` while `leitai serve` runs) aborts inside WebAssembly or, worse, writes over
 * the first. Whoever opens it takes `<dataDir>/pglite.lock`, holding its pid, until it closes; a
 * second opener gets a clear refusal instead. A lock left by a process that is gone is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from './errors.ts';

export const LOCK_FILE = 'pglite.lock';

const inUse = (dataDir: string, pid: number) =>
  new AppError(
    'database.in_use',
    {
      zh: `内嵌数据库（${dataDir}）正由运行中的 Leitai 进程 ${pid} 使用：请先停止该服务，或改用 DATABASE_URL 或 API。`,
      en: `The embedded database in ${dataDir} is in use by a running Leitai process (pid ${pid}): stop that server first, or use DATABASE_URL or the API.`,
    },
    409,
  );

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const holderOf = (file: string): number | undefined => {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
};

/** Lock files this process holds. One naming this process's pid that is not here was left by an earlier process with the same pid (pid 1 in a restarted container). */
const heldHere = new Set<string>();

const isHeld = (file: string, pid: number) => (pid === process.pid ? heldHere.has(file) : isAlive(pid));

/** Takes the data directory's lock or throws `database.in_use`; returns the release. */
export function lockDataDirectory(dataDir: string): () => void {
  const file = resolve(dataDir, LOCK_FILE);
  // Twice: once more after removing a lock left by a dead process.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      heldHere.add(file);
      const release = () => {
        process.off('exit', release);
        heldHere.delete(file);
        if (holderOf(file) === process.pid) rmSync(file, { force: true });
      };
      // A command that ends with process.exit() leaves no lock behind.
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = holderOf(file);
      if (holder !== undefined && isHeld(file, holder)) throw inUse(dataDir, holder);
      rmSync(file, { force: true });
    }
  }
  throw inUse(dataDir, holderOf(file) ?? 0);
}
