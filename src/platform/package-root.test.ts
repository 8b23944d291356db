import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { packagePath, packageRoot, packageRootOf } from './package-root.ts';

describe('packageRootOf', () => {
  it('finds the same package folder from src/platform and from the compiled dist/server/platform', async () => {
    const root = await mkdtemp(join(tmpdir(), 'leitai-root-'));
    onTestFinished(() => rm(root, { recursive: true, force: true }));
    await mkdir(join(root, 'src', 'platform'), { recursive: true });
    await mkdir(join(root, 'dist', 'server', 'platform'), { recursive: true });
    await writeFile(join(root, 'package.json'), '{}');
    expect(packageRootOf(pathToFileURL(join(root, 'src', 'platform', 'package-root.ts')))).toBe(root);
    expect(packageRootOf(pathToFileURL(join(root, 'dist', 'server', 'platform', 'package-root.js')))).toBe(root);
  });

  it('refuses a module with no package.json above it, naming where it looked from', () => {
    expect(() => packageRootOf('file:///leitai-nowhere/platform/package-root.js')).toThrow('no package.json above /leitai-nowhere/platform');
  });

  it('puts the contests and the built web app of this checkout under its root', () => {
    expect(packageRoot).toBe(resolve('.'));
    expect(packagePath('dist', 'web')).toBe(resolve('dist/web'));
  });
});
