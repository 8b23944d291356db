import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const lastYear = new Date('2025-01-01T00:00:00Z');
const thisYear = new Date('2026-01-01T00:00:00Z');
const made: string[] = [];
afterAll(() => Promise.all(made.map((root) => rm(root, { recursive: true, force: true }))));

/**
 * A copy of bin/leitai.mjs in a package of its own, whose compiled cli.js and src/cli.ts each say which
 * one ran. Times are set, not waited for: `build` is the build's, `sources` the newest source file's.
 */
async function packageWith(options: { build?: Date; sources?: Date; tsx?: boolean }) {
  const root = await mkdtemp(join(tmpdir(), 'leitai-launcher-'));
  made.push(root);
  await mkdir(join(root, 'bin'));
  await copyFile('bin/leitai.mjs', join(root, 'bin', 'leitai.mjs'));
  await writeFile(join(root, 'package.json'), '{"type":"module"}');
  if (options.tsx !== false) await symlink(resolve('node_modules'), join(root, 'node_modules'));
  if (options.build) {
    await mkdir(join(root, 'dist', 'server'), { recursive: true });
    await writeFile(join(root, 'dist', 'server', 'cli.js'), "console.log('compiled');\n");
    await utimes(join(root, 'dist', 'server', 'cli.js'), options.build, options.build);
  }
  if (options.sources) {
    await mkdir(join(root, 'src', 'cli'), { recursive: true });
    await writeFile(join(root, 'src', 'cli.ts'), "const ran: string = 'source';\nconsole.log(ran);\n");
    await writeFile(join(root, 'src', 'cli', 'deep.ts'), 'export {};\n');
    await utimes(join(root, 'src', 'cli.ts'), lastYear, lastYear);
    await utimes(join(root, 'src', 'cli', 'deep.ts'), options.sources, options.sources);
  }
  return root;
}

const launch = async (root: string, env: Record<string, string> = {}) => {
  const { LEITAI_FROM_SOURCE: _, ...inherited } = process.env;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(root, 'bin', 'leitai.mjs')], { env: { ...inherited, ...env } });
    return { code: 0, stdout: stdout.trim(), stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout.trim(), stderr: e.stderr };
  }
};

describe('the leitai command (bin/leitai.mjs)', () => {
  it('runs the compiled build when it is newer than every file under src', async () => {
    expect(await launch(await packageWith({ build: thisYear, sources: lastYear }))).toMatchObject({ code: 0, stdout: 'compiled' });
  });

  it('runs the sources through tsx when any file under src, however deep, changed after the build', async () => {
    expect(await launch(await packageWith({ build: lastYear, sources: thisYear }))).toMatchObject({ code: 0, stdout: 'source' });
  });

  it('runs the sources when LEITAI_FROM_SOURCE=1, even with a newer build', async () => {
    const root = await packageWith({ build: thisYear, sources: lastYear });
    expect(await launch(root, { LEITAI_FROM_SOURCE: '1' })).toMatchObject({ code: 0, stdout: 'source' });
  });

  it('runs the sources when there is no build, and the build when there are no sources (a production copy)', async () => {
    expect(await launch(await packageWith({ sources: lastYear }))).toMatchObject({ code: 0, stdout: 'source' });
    expect(await launch(await packageWith({ build: lastYear, tsx: false }))).toMatchObject({ code: 0, stdout: 'compiled' });
  });

  it('runs an older build with a warning when tsx is not installed (npm ci --omit=dev), and says what to do with neither', async () => {
    const stale = await launch(await packageWith({ build: lastYear, sources: thisYear, tsx: false }));
    expect(stale).toMatchObject({ code: 0, stdout: 'compiled' });
    expect(stale.stderr).toBe('leitai: src/ changed after the last `npm run build` and tsx is not installed: running the older build\n');
    const neither = await launch(await packageWith({ sources: lastYear, tsx: false }));
    expect(neither).toMatchObject({ code: 1, stdout: '' });
    expect(neither.stderr).toBe('leitai: no build (run `npm run build`) and tsx is not installed (run `npm install`)\n');
  });
});
