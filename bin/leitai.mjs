#!/usr/bin/env node
// The `leitai` command. It runs the compiled server (dist/server, from `npm run build`) when that build
// is newer than every file under src/, so production needs neither tsx nor a build at start; otherwise it
// runs the TypeScript sources through tsx (a development dependency), so an edit is never hidden behind a
// stale build. LEITAI_FROM_SOURCE=1 always runs the sources (the test suites set it).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const compiled = join(root, 'dist', 'server', 'cli.js');
const sources = join(root, 'src');

const newestUnder = (folder) => {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
};

const fromSource = () => {
  if (process.env.LEITAI_FROM_SOURCE === '1') return true;
  if (!existsSync(compiled)) return true;
  return existsSync(sources) && newestUnder(sources) > statSync(compiled).mtimeMs;
};

const tsxInstalled = () => {
  try {
    import.meta.resolve('tsx/esm/api');
    return true;
  } catch {
    return false;
  }
};

if (!fromSource()) {
  await import(pathToFileURL(compiled).href);
} else if (tsxInstalled()) {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
} else if (existsSync(compiled)) {
  process.stderr.write('leitai: src/ changed after the last `npm run build` and tsx is not installed: running the older build\n');
  await import(pathToFileURL(compiled).href);
} else {
  process.stderr.write('leitai: no build (run `npm run build`) and tsx is not installed (run `npm install`)\n');
  process.exitCode = 1;
}
