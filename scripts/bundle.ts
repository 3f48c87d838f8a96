/**
 * Bundles the compiled command line into dist/bundle/, which bin/csc-kpi.js
 * runs: `npm run build` compiles src/ to dist/ with tsc, then runs this.
 *
 * Why: loaded as they are, the CLI's own modules and the packages it
 * imports (zod alone is some ninety files) are about 250 ES modules, and
 * Node takes about a quarter of a second to find, read and link them before
 * a command starts, on the main thread and again in each worker thread. As a
 * handful of files the same code loads in a little over half that time.
 *
 * What: two entry points, the CLI (dist/cli/main.js) and the worker thread
 * it starts (dist/cli/load-worker.js, found beside the code that starts it),
 * with the code they share in chunks; what the CLI imports only when needed
 * (the workbook reader, the measures in a worker) stays in chunks of its own,
 * loaded as before. Left out and loaded from node_modules as before: exceljs
 * (only for workbooks) and date-holidays (required by name at run time, see
 * src/core/calendar.ts). The code is not minified, and a source map leads
 * back to src/ (`node --enable-source-maps` uses it).
 *
 * The modules in dist/ stay as tsc wrote them: tests and `npm run bench --
 * --profile` use them.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

const dist = join(import.meta.dirname, '..', 'dist');
const outdir = join(dist, 'bundle');

await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: [join(dist, 'cli', 'main.js'), join(dist, 'cli', 'load-worker.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['exceljs', 'date-holidays'],
  sourcemap: 'linked',
  logLevel: 'warning',
  // The CommonJS packages bundled (yaml, cli-table3) require Node's built-in modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
