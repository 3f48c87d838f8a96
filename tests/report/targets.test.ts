/**
 * Targets and RAG (SPEC §4): which target is in force in a month, what a
 * tolerance written in a targets file means, and the three boundaries of a
 * rating in either direction.
 */
import { describe, expect, it } from 'vitest';
import { parseMonth } from '../../src/core/period.js';
import { MEASURES } from '../../src/measures/index.js';
import { parseTargets, rag, targetFor, toleranceAmount } from '../../src/report/targets.js';

function targets(yaml: string) {
  return parseTargets(yaml, 'targets.yaml', MEASURES);
}

describe('rag', () => {
  it.each([
    // value, target, direction, tolerance, rating
    [80, 80, 'higher', 5, 'green'],
    [80.1, 80, 'higher', 5, 'green'],
    [79.9, 80, 'higher', 5, 'amber'],
    [75, 80, 'higher', 5, 'amber'],
    [74.9, 80, 'higher', 5, 'red'],
    [18, 18, 'lower', 0.9, 'green'],
    [17, 18, 'lower', 0.9, 'green'],
    [18.9, 18, 'lower', 0.9, 'amber'],
    [18.91, 18, 'lower', 0.9, 'red'],
    [75, 80, 'higher', 0, 'red'],
    // Exactly on a boundary, though floating-point subtraction misses it by a crumb.
    [74.9, 79.9, 'higher', 5, 'amber'],
    [19.8, 18, 'lower', 1.8, 'amber'],
    [0.3, 0.1 + 0.2, 'higher', 0, 'green'],
    [null, 80, 'higher', 5, 'none'],
    [80, null, 'higher', 5, 'none'],
  ] as const)('%s against %s (%s is better, tolerance %s) is %s', (value, target, direction, tolerance, expected) => {
    expect(rag(value, target, direction, tolerance)).toBe(expected);
  });
});

describe('tolerances written in a targets file', () => {
  it('reads a number as an amount in the measure units, and "N%" as a share of the target', () => {
    const t = targets(
      'measures:\n' +
        '  contacts_1wd:\n    trajectory: { 2021-01: 80 }\n    tolerance: 2\n' +
        '  caseload_avg:\n    trajectory: { 2021-01: 18 }\n    tolerance: "10%"\n',
    );
    const contacts = t.measures.get('contacts_1wd')!;
    const caseload = t.measures.get('caseload_avg')!;
    expect(contacts.tolerance).toEqual({ kind: 'absolute', amount: 2 });
    expect(caseload.tolerance).toEqual({ kind: 'relative', fraction: 0.1 });
    // And what that does to a rating: 77 against 80 is red with 2 points, 19.8 against 18 amber with 10%.
    expect(rag(77, 80, 'higher', toleranceAmount(contacts.tolerance!, 80))).toBe('red');
    expect(rag(78, 80, 'higher', toleranceAmount(contacts.tolerance!, 80))).toBe('amber');
    expect(rag(19.8, 18, 'lower', toleranceAmount(caseload.tolerance!, 18))).toBe('amber');
    expect(rag(19.9, 18, 'lower', toleranceAmount(caseload.tolerance!, 18))).toBe('red');
  });
});

describe('targetFor', () => {
  const m = (text: string) => parseMonth(text)!;

  it('holds a target from its month until the next, whatever order the file lists them in', () => {
    const t = targets('measures:\n  contacts_1wd:\n    trajectory: { 2021-04: 95, 2021-02: 80, 2021-03: 90 }\n').measures.get('contacts_1wd');
    expect(targetFor(t, m('2021-01'))).toBeNull();
    expect(targetFor(t, m('2021-02'))).toBe(80);
    expect(targetFor(t, m('2021-03'))).toBe(90);
    expect(targetFor(t, m('2021-04'))).toBe(95);
    expect(targetFor(t, m('2022-12'))).toBe(95);
  });

  it('has no target for a measure the file does not name', () => {
    expect(targetFor(undefined, m('2021-04'))).toBeNull();
  });
});
