/**
 * Sharing a scorecard's measures between this thread and a worker thread.
 *
 * Measures are pure functions of their extracts, so any thread holding the
 * extracts can run them and the figures are the same. The extracts a
 * worker is to use are moved to it whole, with all the measures that need
 * them: measures that read the same extract (and share its indexes, see
 * measures/indexes.ts) run on the same thread. The largest extract and its
 * measures stay here.
 *
 * The cost of a measure is taken as the rows of the extracts it reads; the
 * groups of extracts are handed out, largest first, to whichever thread
 * has less to do. Measures that are not computable cost nothing and stay
 * here.
 */
import type { Population } from '../measures/population.js';
import { type Rules, whyNotComputable } from '../measures/index.js';
import type { Measure, MeasureData } from '../measures/types.js';
import type { ExtractName } from '../normalise/extracts.js';

/** The worker's share. */
export interface MeasureShare {
  /** The extracts moved to the worker: only its measures read them. */
  readonly extracts: ReadonlySet<ExtractName>;
  /** The measures it runs, in the list's order. */
  readonly measures: readonly Measure[];
  /** Rows read by its measures, and by this thread's (the costs compared). */
  readonly cost: { readonly worker: number; readonly here: number };
}

/** Below this many rows of work for the worker, moving extracts to it is not worth it. */
export const MIN_WORKER_ROWS = 100_000;

/**
 * The measures a worker thread is to run, with the extracts they need, or
 * undefined when there is no useful share (everything reads one extract,
 * or the worker's part would be under `minRows` rows).
 * @example shareMeasures(MEASURES, { contacts, assessments }, rules) //=> { extracts: {assessments}, measures: [assessments_45wd, ...] }
 */
export function shareMeasures(
  measures: readonly Measure[],
  data: MeasureData,
  rules: Rules,
  population?: Population,
  minRows = MIN_WORKER_ROWS,
): MeasureShare | undefined {
  const rows = (name: ExtractName): number => data[name]?.length ?? 0;
  const computable = measures.filter((m) => whyNotComputable(m, data, rules, population) === undefined && m.extracts.length > 0);
  // Extracts read by one measure are joined (union-find): a group's extracts go to one thread.
  const parent = new Map<ExtractName, ExtractName>();
  const find = (x: ExtractName): ExtractName => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  for (const m of computable) {
    for (const x of m.extracts) if (!parent.has(x)) parent.set(x, x);
    for (const x of m.extracts.slice(1)) parent.set(find(x), find(m.extracts[0]!));
  }
  const groups = new Map<ExtractName, { extracts: Set<ExtractName>; measures: Measure[]; cost: number; largest: number }>();
  for (const x of parent.keys()) {
    const root = find(x);
    const group = groups.get(root) ?? { extracts: new Set(), measures: [], cost: 0, largest: 0 };
    group.extracts.add(x);
    group.largest = Math.max(group.largest, rows(x));
    groups.set(root, group);
  }
  for (const m of computable) {
    const group = groups.get(find(m.extracts[0]!))!;
    group.measures.push(m);
    group.cost += m.extracts.reduce((n, x) => n + rows(x), 0);
  }
  if (groups.size < 2) return undefined;
  // The group of the largest extract stays here; the others go, largest first, to the thread with less to do.
  const sorted = [...groups.values()].sort((a, b) => b.largest - a.largest);
  const [first, ...rest] = sorted;
  let here = first!.cost;
  let worker = 0;
  const moved: typeof rest = [];
  for (const group of rest.sort((a, b) => b.cost - a.cost)) {
    if (worker <= here) {
      worker += group.cost;
      moved.push(group);
    } else here += group.cost;
  }
  if (worker < minRows) return undefined;
  const extracts = new Set(moved.flatMap((g) => [...g.extracts]));
  const mine = new Set(moved.flatMap((g) => g.measures));
  return { extracts, measures: measures.filter((m) => mine.has(m)), cost: { worker, here } };
}
