/**
 * The child population, for rates per 10,000 children.
 *
 * The configuration's `population` is the number of children aged 0 to 17
 * in the council's area (the ONS mid-year estimate the DfE uses), either one
 * number for every year or a number per year. For a period with snapshot S
 * the latest year not after S's calendar year applies; with no such year the
 * rate is not computable for that period, and without any population every
 * rate is not computable (SPEC §8).
 */
import { type Day, ymdFromDay } from '../core/day.js';

/** Children aged 0-17: one figure for every year, or figures by calendar year (sorted by year). */
export type Population =
  | { readonly kind: 'fixed'; readonly children: number }
  | { readonly kind: 'by-year'; readonly years: readonly (readonly [year: number, children: number])[] };

/** Why a rate per 10,000 is not computable without a population. */
export const NO_POPULATION = 'no population in the configuration (children aged 0-17, for rates per 10,000)';

/** The population in force on day `s`, or why there is none. */
export function populationAt(population: Population | undefined, s: Day): { children: number } | { missing: string } {
  if (population === undefined) return { missing: NO_POPULATION };
  if (population.kind === 'fixed') return { children: population.children };
  const { year } = ymdFromDay(s);
  let found: number | undefined;
  for (const [y, children] of population.years) if (y <= year) found = children;
  if (found === undefined) return { missing: `the configuration's population has no year up to ${year}` };
  return { children: found };
}

/** A population from the configuration's value: a number, or a map from year to number. */
export function populationFrom(value: number | Readonly<Record<string, number>>): Population {
  if (typeof value === 'number') return { kind: 'fixed', children: value };
  const years = Object.entries(value)
    .map(([y, n]) => [Number(y), n] as const)
    .sort((a, b) => a[0] - b[0]);
  return { kind: 'by-year', years };
}
