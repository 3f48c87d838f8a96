/**
 * The seeded generator behind the demo extracts (fixtures/demo) and the
 * tests' messy extracts: its output is pinned, since any change to it
 * changes every byte they are built from.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../scripts/lib/mulberry32.js';

describe('mulberry32', () => {
  it.each([
    [1, [0.6270739405881613, 0.002735721180215478, 0.5274470399599522]],
    [0, [0.26642920868471265, 0.0003297457005828619, 0.2232720274478197]],
    [20_210_510, [0.7222766927443445, 0.3173636405263096, 0.4818030083552003]],
    [0xffff_ffff, [0.8964226141106337, 0.189478256739676, 0.7156526781618595]],
  ])('seed %i gives the same first numbers on every machine', (seed, expected) => {
    const random = mulberry32(seed);
    expect([random(), random(), random()]).toEqual(expected);
  });

  it('takes the seed as an unsigned 32-bit integer', () => {
    const a = mulberry32(-1);
    const b = mulberry32(0xffff_ffff);
    for (let i = 0; i < 100; i++) expect(a()).toBe(b());
  });

  it('stays in [0, 1)', () => {
    const random = mulberry32(7);
    for (let i = 0; i < 10_000; i++) {
      const x = random();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});
