/**
 * The README's generated blocks: each lies between `<!-- generated:NAME -->`
 * and `<!-- /generated:NAME -->` and is written from the definitions.
 *
 *   npm run docs      rewrites the blocks in README.md
 *
 * tests/docs/readme.test.ts fails when README.md differs from what this writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MEASURES } from '../../src/measures/index.js';
import { annexATable } from './annex-a.js';
import { extractTable } from './extracts.js';
import { measureTable } from './measures.js';

export const README = join(import.meta.dirname, '..', '..', 'README.md');

/** Every generated block, by name. */
export function generatedBlocks(): Readonly<Record<string, string>> {
  return { extracts: extractTable(), 'annex-a': annexATable(), measures: measureTable(MEASURES) };
}

/** `readme` with each generated block replaced by its current content. */
export function withGeneratedBlocks(readme: string, blocks: Readonly<Record<string, string>> = generatedBlocks()): string {
  let out = readme;
  for (const [name, content] of Object.entries(blocks)) {
    const start = `<!-- generated:${name} -->`;
    const end = `<!-- /generated:${name} -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md has no block ${start} ... ${end}`);
    // Blank lines around the content keep it a Markdown block of its own.
    out = `${out.slice(0, from + start.length)}\n\n${content}\n\n${out.slice(to)}`;
  }
  return out;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const before = readFileSync(README, 'utf8');
  const after = withGeneratedBlocks(before);
  if (after !== before) writeFileSync(README, after);
  console.log(after === before ? 'README.md is up to date' : 'README.md: generated blocks rewritten');
}
