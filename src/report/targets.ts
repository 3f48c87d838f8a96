/**
 * Target trajectories and RAG ratings.
 *
 * A targets file names, per measure, monthly targets: a target holds from its
 * month until the next one, and before the first there is none. A measure may
 * carry an amber tolerance and comparators (statistical neighbours, region,
 * England) printed beside it.
 *
 * RAG: green when the value meets the target in the measure's direction;
 * amber when it misses by no more than the tolerance; red beyond that; none
 * without a target or without a value. The unrounded value is compared.
 *
 * A `neutral` measure (a rate to watch, neither higher nor lower better)
 * takes comparators but no target: a trajectory for one is an error naming
 * it, and its RAG is always none.
 */
import { z } from 'zod';
import type { MonthIndex } from '../core/period.js';
import { parseMonth } from '../core/period.js';
import { parseDocument } from '../config/document.js';
import type { Direction, Measure } from '../measures/types.js';
import { type Tolerance, UNITS } from '../measures/units.js';

export type Rag = 'green' | 'amber' | 'red' | 'none';

export type { Tolerance } from '../measures/units.js';

/** What a targets file needs to know of a measure. */
export type TargetedMeasure = Pick<Measure, 'id' | 'direction'>;

export interface MeasureTargets {
  /** Targets by month, sorted by month. */
  readonly trajectory: readonly (readonly [MonthIndex, number])[];
  readonly tolerance?: Tolerance;
  /** Label and value, in file order. */
  readonly comparators: readonly (readonly [string, number])[];
  readonly note?: string;
}

export interface Targets {
  readonly title?: string;
  readonly measures: ReadonlyMap<string, MeasureTargets>;
}

const month = z.string().refine((s) => parseMonth(s) !== undefined, { message: 'a month is written YYYY-MM' });

const tolerance = z.union([
  z.number().nonnegative(),
  z
    .string()
    .regex(/^\d+(\.\d+)?%$/, { message: 'a tolerance is a number (in the measure\'s units) or a percentage of the target such as "5%"' }),
]);

/**
 * A neutral measure may be named with comparators and no trajectory; one
 * written without gets an empty trajectory, so the file reads as any other.
 */
function withEmptyTrajectories(raw: unknown, neutral: ReadonlySet<string>): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const entries = Object.entries(raw).map(([id, t]: [string, unknown]) =>
    neutral.has(id) && typeof t === 'object' && t !== null && !Array.isArray(t) && !('trajectory' in t) ? [id, { ...t, trajectory: {} }] : [id, t],
  );
  return Object.fromEntries(entries);
}

function targetsSchema(measures: readonly TargetedMeasure[]) {
  const measureIds = measures.map((m) => m.id);
  const neutral = new Set(measures.filter((m) => m.direction === 'neutral').map((m) => m.id));
  const measureTargets = z.strictObject({
    trajectory: z.record(month, z.number()),
    tolerance: tolerance.optional(),
    comparators: z.record(z.string(), z.number()).optional(),
    note: z.string().optional(),
  });
  const byMeasure = z.record(
    z.string().refine((id) => measureIds.includes(id), {
      message: `not a measure; measures are ${measureIds.join(', ')}`,
    }),
    measureTargets,
  );
  return z.strictObject({
    title: z.string().optional(),
    measures:
      neutral.size === 0
        ? byMeasure
        : z.preprocess(
            (raw) => withEmptyTrajectories(raw, neutral),
            byMeasure.superRefine((targets, ctx) => {
              for (const [id, t] of Object.entries(targets)) {
                if (neutral.has(id) && Object.keys(t.trajectory).length > 0) {
                  ctx.addIssue({
                    code: 'custom',
                    path: [id, 'trajectory'],
                    message: `${id} is neutral (neither higher nor lower is better), so it takes no target; give it comparators only`,
                  });
                }
              }
            }),
          ),
  });
}

/** Parses a targets file (YAML or JSON) for the measures given. */
export function parseTargets(text: string, file: string, known: readonly TargetedMeasure[]): Targets {
  const raw = parseDocument(text, file, targetsSchema(known));
  const measures = new Map<string, MeasureTargets>();
  for (const [id, t] of Object.entries(raw.measures)) {
    const trajectory = Object.entries(t.trajectory)
      .map(([m, v]) => [parseMonth(m)!, v] as const)
      .sort((a, b) => a[0] - b[0]);
    measures.set(id, {
      trajectory,
      ...(t.tolerance === undefined
        ? {}
        : {
            tolerance:
              typeof t.tolerance === 'number'
                ? { kind: 'absolute', amount: t.tolerance }
                : { kind: 'relative', fraction: Number(t.tolerance.slice(0, -1)) / 100 },
          }),
      comparators: Object.entries(t.comparators ?? {}),
      ...(t.note === undefined ? {} : { note: t.note }),
    });
  }
  return { ...(raw.title === undefined ? {} : { title: raw.title }), measures };
}

/** The target in force in a month: the latest trajectory point on or before it. */
export function targetFor(targets: MeasureTargets | undefined, monthIndex: MonthIndex): number | null {
  let target: number | null = null;
  for (const [m, v] of targets?.trajectory ?? []) {
    if (m <= monthIndex) target = v;
    else break;
  }
  return target;
}

/** The default tolerance, by the measure's unit: 5 points for percentages, 5% of the target for the others. */
export function defaultTolerance(measure: Pick<Measure, 'unit'>): Tolerance {
  return UNITS[measure.unit].defaultTolerance;
}

/** The tolerance as an amount in the measure's units, for a given target. */
export function toleranceAmount(tolerance: Tolerance, target: number): number {
  return tolerance.kind === 'absolute' ? tolerance.amount : Math.abs(target) * tolerance.fraction;
}

/**
 * RAG of a value against a target.
 * @example rag(78, 80, 'higher', 5) //=> 'amber'
 * @example rag(20, 18, 'lower', 0.9) //=> 'red'
 */
export function rag(value: number | null, target: number | null, direction: Direction, tolerance: number): Rag {
  if (value === null || target === null || direction === 'neutral') return 'none';
  const shortfall = direction === 'higher' ? target - value : value - target;
  // Floating-point subtraction leaves crumbs (19.8 - 18 = 1.8000000000000007):
  // a shortfall within a billionth of the target's size of a boundary is on it.
  const crumb = 1e-9 * Math.max(1, Math.abs(target));
  if (shortfall <= crumb) return 'green';
  if (shortfall <= tolerance + crumb) return 'amber';
  return 'red';
}
