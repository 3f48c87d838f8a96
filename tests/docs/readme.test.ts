import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedBlocks, README, withGeneratedBlocks } from '../../scripts/docs/readme.js';
import { EXTRACT_NAMES, EXTRACTS } from '../../src/normalise/extracts.js';

const readme = readFileSync(README, 'utf8');

describe('README generated blocks', () => {
  it('are what the definitions say (run `npm run docs` after changing an extract or a measure)', () => {
    expect(withGeneratedBlocks(readme)).toBe(readme);
  });

  it('the extract table has a row for every column of every extract, with its Annex A heading', () => {
    const table = generatedBlocks().extracts!;
    for (const name of EXTRACT_NAMES) {
      expect(table).toContain(`| ${name} |`);
      for (const f of EXTRACTS[name].fields) {
        const annexA = f.presets['annex-a']?.[0];
        expect(table).toContain(`\`${f.name}\`${annexA ? ` [${annexA}` : ''}`);
      }
    }
  });

  it('refuses a README that lost a block marker', () => {
    expect(() => withGeneratedBlocks('# no markers\n')).toThrow(/no block <!-- generated:extracts -->/);
  });
});
