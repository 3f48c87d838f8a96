/**
 * Rewrites the parts of README.md written from the code (see readme.ts).
 *
 *   npm run docs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MEASURES } from '../src/measures/index.js';
import { withMeasureTable } from './readme.js';

const path = fileURLToPath(new URL('../README.md', import.meta.url));
const before = readFileSync(path, 'utf8');
const after = withMeasureTable(before, MEASURES);
if (after === before) {
  console.log('README.md is up to date');
} else {
  writeFileSync(path, after);
  console.log('README.md: table of measures rewritten');
}
