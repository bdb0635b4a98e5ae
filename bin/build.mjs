#!/usr/bin/env node
// Bundles the CLI (src/cli/main.ts) into dist/ as ES modules for Node 20 (`npm run build`; npm install runs
// it), then the dashboard (web/) into dist/web/ with Vite. Packages stay external, so the native DuckDB driver loads from node_modules; code that a dynamic
// import() reaches goes into its own chunk, so `cvm --help` loads neither DuckDB nor exceljs.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist`;
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/cli/main.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
await viteBuild({ configFile: `${root}web/vite.config.mjs`, logLevel: 'warn' });
