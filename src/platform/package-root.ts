import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding package.json, found from a module's own location: this module runs from src/platform
 * (tsx, vitest) and from dist/server/platform (the compiled build), two depths, so a fixed `../..` from
 * import.meta.url would find the contests and the built web app in one of them only.
 */
export function packageRootOf(moduleUrl: string | URL): string {
  const start = dirname(fileURLToPath(moduleUrl));
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) throw new Error(`no package.json above ${start}`);
  }
}

export const packageRoot = packageRootOf(import.meta.url);

/** A path inside the package (contests, dist/web), the same from the sources and from the build. */
export const packagePath = (...segments: string[]) => join(packageRoot, ...segments);
