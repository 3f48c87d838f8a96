import { readFileSync } from 'node:fs';
import type { Generator } from '../report/scorecard.js';

let cached: Generator | undefined;

/** Name and version from package.json. */
export function generator(): Generator {
  if (!cached) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    cached = { name: pkg.name, version: pkg.version };
  }
  return cached;
}
