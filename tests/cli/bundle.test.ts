/**
 * The bundle that bin/csc-kpi.js runs (dist/bundle, see scripts/bundle.ts):
 * what the code finds beside itself at run time is there, and it loads from
 * node_modules only what was left out of it on purpose.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, spawnCli } from '../helpers/cli.js';

const BUNDLE = join(ROOT, 'dist', 'bundle');
const files = readdirSync(BUNDLE).filter((f) => f.endsWith('.js'));
const text = (f: string) => readFileSync(join(BUNDLE, f), 'utf8');

describe('the bundle', () => {
  it('is what bin/csc-kpi.js runs', () => {
    expect(readFileSync(join(ROOT, 'bin', 'csc-kpi.js'), 'utf8')).toContain("from '../dist/bundle/main.js'");
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = spawnCli(['--version']);
    expect(r.stdout.trim()).toBe(pkg.version);
    expect(r.code).toBe(0);
  });

  it('finds each file it names beside itself: the worker thread, package.json', () => {
    const named = files.flatMap((f) =>
      [...text(f).matchAll(/new URL\(\s*["']([^"']+)["'],\s*import\.meta\.url\s*\)/g)].map((m) => fileURLToPath(new URL(m[1]!, pathToFileURL(join(BUNDLE, f))))),
    );
    expect(named).toContain(join(BUNDLE, 'load-worker.js'));
    expect(named).toContain(join(ROOT, 'package.json'));
    for (const path of named) expect(existsSync(path), path).toBe(true);
  });

  it('imports from node_modules only exceljs (workbooks) and date-holidays (bank holidays)', () => {
    const packages = new Set<string>();
    for (const f of files) {
      const code = text(f);
      for (const m of code.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*["']([^"'./][^"']*)["']/g)) packages.add(m[1]!);
      for (const m of code.matchAll(/\b(?:import|require|createRequire\(import\.meta\.url\))\(\s*["']([^"'./][^"']*)["']\s*\)/g)) packages.add(m[1]!);
    }
    const outside = [...packages].filter((p) => !p.startsWith('node:') && !builtinModules.includes(p));
    expect(outside.sort()).toEqual(['date-holidays', 'exceljs']);
  });
});
