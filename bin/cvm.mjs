#!/usr/bin/env node
// Entry point of the `cvm` command: runs the bundle in dist/ that `npm run build` makes (npm install runs it).
import { existsSync } from 'node:fs';

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write(
    'cvm: the CLI is not built (dist/main.js is missing): run npm install or npm run build\n',
  );
  process.exit(1);
}
process.setSourceMapsEnabled(true);
await import(main.href);
