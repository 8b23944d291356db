import { existsSync } from 'node:fs';

/**
 * Imports a TypeScript module from a worker thread, which is plain JavaScript and runs without the
 * main thread's loader: in the compiled build (dist/server, npm run build) the module's .js sits beside
 * the worker and tsx, a development dependency, may not be installed; from the sources it is the .ts,
 * loaded through tsx. `path` is relative to `base` (the worker's import.meta.url), without extension.
 */
export async function importCompiledOrSource(base, path) {
  const compiled = new URL(`${path}.js`, base);
  if (existsSync(compiled)) return import(compiled.href);
  const { register } = await import('tsx/esm/api');
  register();
  return import(new URL(`${path}.ts`, base).href);
}
