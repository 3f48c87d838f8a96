/**
 * The layers of src/ (README, "Development"): each folder imports only from
 * its own layer and those below it, never from one above.
 *
 *   core → read → normalise → measures → config → report → render → cli
 *
 * No exceptions: even a type import from a layer above is refused.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

const LAYERS = ['core', 'read', 'normalise', 'measures', 'config', 'report', 'render', 'cli'] as const;
type Layer = (typeof LAYERS)[number];

/** Imports allowed although they go upward: [from, to], type imports only. None today. */
const TYPE_ONLY_EXCEPTIONS: readonly (readonly [Layer, Layer])[] = [];

/** Layers a folder must not import from even though they are below it: renderers get what they need through report. */
const SKIPPED: Readonly<Partial<Record<Layer, readonly Layer[]>>> = { render: ['read', 'normalise'] };

interface ImportRef {
  readonly specifier: string;
  /** `import type` / `export type`: erased at build time. */
  readonly typeOnly: boolean;
}

/** Every module a TypeScript source imports or re-exports, statically or dynamically. */
function importsOf(text: string): ImportRef[] {
  const found: ImportRef[] = [];
  const fromClause = /(?:^|\n)\s*(import|export)\s+(type\s+)?[\w*{}\s,$]*?\s*from\s*['"]([^'"]+)['"]/g;
  for (const m of text.matchAll(fromClause)) found.push({ specifier: m[3]!, typeOnly: m[2] !== undefined });
  for (const m of text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) found.push({ specifier: m[1]!, typeOnly: false });
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ specifier: m[1]!, typeOnly: false });
  return found;
}

/** The layer of a file under src/, or undefined for a folder that is not a layer. */
function layerOf(srcRelative: string): string {
  return srcRelative.split(/[\\/]/)[0]!;
}

/** What is wrong with one import of `file` (a path relative to src/), or null when it is fine. */
function checkImport(file: string, ref: ImportRef): string | null {
  if (!ref.specifier.startsWith('.')) return null; // a package or a Node built-in
  const target = relative('src', join('src', dirname(file), ref.specifier));
  if (target.startsWith('..')) return `${file} imports ${ref.specifier}, outside src/`;
  const from = layerOf(file);
  const to = layerOf(target);
  const rank = (l: string) => LAYERS.indexOf(l as Layer);
  if (rank(from) < 0) return `${file} is in src/${from}, which is not a layer`;
  if (rank(to) < 0) return `${file} imports ${ref.specifier}, in src/${to}, which is not a layer`;
  if (SKIPPED[from as Layer]?.includes(to as Layer)) return `${file} imports ${ref.specifier}: src/${from} must not read src/${to} directly`;
  if (rank(to) <= rank(from)) return null;
  if (ref.typeOnly && TYPE_ONLY_EXCEPTIONS.some(([a, b]) => a === from && b === to)) return null;
  return `${file} (src/${from}) imports ${ref.specifier} from src/${to}, a layer above it`;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

const SRC = resolve(ROOT, 'src');

describe('the import checker', () => {
  const IMPORTS: readonly { name: string; text: string; found: ImportRef[] }[] = [
    { name: 'a named import', text: "import { a, b } from '../core/day.js';", found: [{ specifier: '../core/day.js', typeOnly: false }] },
    {
      name: 'an import over several lines, with inline type marks',
      text: "import {\n  type A,\n  b,\n} from './x.js';",
      found: [{ specifier: './x.js', typeOnly: false }],
    },
    { name: 'a type import', text: "import type { Rules } from '../config/config.js';", found: [{ specifier: '../config/config.js', typeOnly: true }] },
    { name: 'a re-export', text: "export { x } from '../report/y.js';", found: [{ specifier: '../report/y.js', typeOnly: false }] },
    { name: 'a type re-export', text: "export type { X } from '../report/y.js';", found: [{ specifier: '../report/y.js', typeOnly: true }] },
    { name: 'a namespace import', text: "import * as z from 'zod';", found: [{ specifier: 'zod', typeOnly: false }] },
    { name: 'a dynamic import', text: "const m = await import('./xlsx.js');", found: [{ specifier: './xlsx.js', typeOnly: false }] },
    { name: 'an import for its side effects', text: "import '../cli/main.js';", found: [{ specifier: '../cli/main.js', typeOnly: false }] },
    { name: 'no import at all', text: 'export const from = 1;\nexport function f() {}', found: [] },
  ];

  it.each(IMPORTS)('finds $name', ({ text, found }) => {
    expect(importsOf(text)).toEqual(found);
  });

  const CHECKS: readonly { name: string; file: string; ref: ImportRef; ok: boolean }[] = [
    { name: 'the same layer', file: 'report/manifest.ts', ref: { specifier: './scorecard-json.js', typeOnly: false }, ok: true },
    { name: 'a lower layer', file: 'report/manifest.ts', ref: { specifier: '../core/day.js', typeOnly: false }, ok: true },
    { name: 'a package', file: 'read/csv.ts', ref: { specifier: 'csv-parse', typeOnly: false }, ok: true },
    { name: 'report reading render', file: 'report/manifest.ts', ref: { specifier: '../render/json.js', typeOnly: false }, ok: false },
    { name: 'report reading render, even for types', file: 'report/manifest.ts', ref: { specifier: '../render/json.js', typeOnly: true }, ok: false },
    { name: 'core reading read', file: 'core/day.ts', ref: { specifier: '../read/csv.js', typeOnly: false }, ok: false },
    { name: 'measures reading config, even for types', file: 'measures/types.ts', ref: { specifier: '../config/config.js', typeOnly: true }, ok: false },
    { name: 'measures running config code', file: 'measures/types.ts', ref: { specifier: '../config/config.js', typeOnly: false }, ok: false },
    { name: 'measures reading report types', file: 'measures/types.ts', ref: { specifier: '../report/scorecard.js', typeOnly: true }, ok: false },
    { name: 'config reading measures', file: 'config/config.ts', ref: { specifier: '../measures/index.js', typeOnly: false }, ok: true },
    { name: 'render reading normalise', file: 'render/problems.ts', ref: { specifier: '../normalise/load.js', typeOnly: true }, ok: false },
    { name: 'render reading read', file: 'render/validation.ts', ref: { specifier: '../read/source.js', typeOnly: false }, ok: false },
    { name: 'a folder that is not a layer', file: 'util/x.ts', ref: { specifier: '../core/day.js', typeOnly: false }, ok: false },
    { name: 'outside src', file: 'cli/main.ts', ref: { specifier: '../../scripts/x.js', typeOnly: false }, ok: false },
  ];

  it.each(CHECKS)('$name: ok = $ok', ({ file, ref, ok }) => {
    const problem = checkImport(file, ref);
    if (ok) expect(problem).toBeNull();
    else expect(problem).toMatch(/\S/);
  });
});

describe('the layers of src/', () => {
  it('no module imports from a layer above its own', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    const problems = files.flatMap((path) => {
      const file = relative(SRC, path).split('\\').join('/');
      return importsOf(readFileSync(path, 'utf8')).flatMap((ref) => checkImport(file, ref) ?? []);
    });
    expect(problems).toEqual([]);
  });

  it('every folder of src/ is a layer, and the README lists them all, in order', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect([...folders].sort()).toEqual([...LAYERS].sort());
    const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
    const development = readme.slice(readme.indexOf('## Development'));
    const listed = [...development.matchAll(/^src\/(\w+)\s/gm)].map((m) => m[1]);
    expect(listed).toEqual([...LAYERS]);
  });
});
