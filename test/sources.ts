/**
 * The project's source files, for tests that scan them (written text where a catalogue message belongs,
 * option phrases without Swedish …).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every source file (`.ts`, `.tsx`) at or below `path`, tests left out; `path` itself when it is a file. */
export function sourceFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => {
    const inner = join(path, name);
    if (statSync(inner).isDirectory()) return sourceFiles(inner);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [inner] : [];
  });
}
