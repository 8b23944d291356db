import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDataDirectory } from './data-dir-lock.ts';
import { openDatabase } from './database.ts';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'leitai-lock-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** The pid of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('the data directory lock', () => {
  it('holds the pid of the process that took it, refuses a second taker and is free again once released', async () => {
    const release = lockDataDirectory(dataDir);
    expect(await readFile(join(dataDir, 'pglite.lock'), 'utf8')).toBe(`${process.pid}\n`);
    expect(() => lockDataDirectory(dataDir)).toThrow(
      expect.objectContaining({
        code: 'database.in_use',
        status: 409,
        message: expect.stringContaining(`in use by a running Leitai process (pid ${process.pid})`),
      }),
    );
    release();
    await expect(stat(join(dataDir, 'pglite.lock'))).rejects.toThrow('ENOENT');
    lockDataDirectory(dataDir)();
  });

  it('takes over a lock left by a process that is gone', async () => {
    await writeFile(join(dataDir, 'pglite.lock'), `${deadPid()}\n`);
    const release = lockDataDirectory(dataDir);
    expect(await readFile(join(dataDir, 'pglite.lock'), 'utf8')).toBe(`${process.pid}\n`);
    release();
  });

  it("takes over a lock naming this process's pid that this process does not hold, as a restarted container's pid 1 finds", async () => {
    await writeFile(join(dataDir, 'pglite.lock'), `${process.pid}\n`);
    const release = lockDataDirectory(dataDir);
    expect(() => lockDataDirectory(dataDir)).toThrow(expect.objectContaining({ code: 'database.in_use' }));
    release();
  });

  it('refuses to open an embedded database a second time while it is open, and opens it once closed', async () => {
    const first = await openDatabase({ dataDir });
    try {
      await expect(openDatabase({ dataDir })).rejects.toMatchObject({ code: 'database.in_use' });
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir });
    await again.close();
  }, 60_000);
});
