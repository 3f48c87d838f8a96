/**
 * Comparing a run manifest with a fresh run of the same command: which
 * inputs (sources: a file, or a sheet of a workbook) changed, which rules, targets or calendar days changed, and which
 * figures differ, with both values and the likely cause.
 */
import { z } from 'zod';
import { findMeasure } from '../measures/index.js';

const rows = z.object({ read: z.number(), valid: z.number(), rejected: z.number(), duplicate: z.number() });

const result = z.object({
  metric: z.string(),
  period: z.string(),
  group: z.string().nullable().optional(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  unit: z.string(),
  excluded: z.record(z.string(), z.number()),
  target: z.number().nullable(),
  rag: z.string(),
});

const nullableText = z.string().nullable();

/** The parts of a manifest that verification reads. */
export const manifestSchema = z.looseObject({
  manifestVersion: z.literal(1),
  generator: z.object({ name: z.string(), version: z.string() }),
  command: z.literal('scorecard'),
  asAt: z.string(),
  options: z.looseObject({
    data: nullableText,
    files: z.record(z.string(), z.string()),
    from: nullableText,
    to: nullableText,
    period: nullableText,
    every: z.string().optional(),
    window: z.string().optional(),
    asAt: nullableText,
    config: nullableText,
    targets: nullableText,
    by: z.enum(['team', 'worker']).nullable().optional(),
  }),
  periods: z.array(z.string()).min(1),
  config: z.unknown(),
  targets: z.unknown(),
  calendar: z.unknown(),
  inputs: z.record(z.string(), z.looseObject({ path: z.string(), sheet: z.string().optional(), bytes: z.number(), sha256: z.string(), rows })),
  results: z.array(result),
});

export type Manifest = z.output<typeof manifestSchema>;
type Result = z.output<typeof result>;

export interface Change {
  readonly key: string;
  readonly manifest: string;
  readonly now: string;
}

/** An input's source as a manifest records it: the file, the sheet of a workbook, and its bytes. */
export interface InputSource {
  readonly path: string;
  /** Present only for a sheet of a workbook. */
  readonly sheet?: string;
  readonly sha256: string;
  readonly bytes: number;
}

export interface InputCheck {
  readonly name: string;
  readonly status: 'same' | 'changed' | 'missing' | 'added';
  readonly manifest: InputSource | null;
  readonly now: InputSource | null;
}

export interface ResultCheck {
  readonly metric: string;
  readonly period: string;
  readonly group: string | null;
  readonly status: 'same' | 'differs';
  readonly manifest: Result | null;
  readonly now: Result | null;
  /** Why it may differ: changed inputs, rules, targets, calendar; or nothing that explains it. */
  readonly causes: readonly string[];
}

export interface VerifyReport {
  readonly same: boolean;
  readonly generator: { readonly manifest: string; readonly now: string };
  readonly asAt: string;
  readonly inputs: readonly InputCheck[];
  readonly rules: readonly Change[];
  readonly targets: readonly Change[];
  readonly calendar: readonly Change[];
  readonly results: readonly ResultCheck[];
}

/** JSON values flattened to `a.b.0.c` → JSON text. */
function flatten(value: unknown, prefix: string, out: Map<string, string>): Map<string, string> {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    if (entries.length === 0) out.set(prefix, JSON.stringify(value));
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, JSON.stringify(value));
  }
  return out;
}

/** Every key whose value differs between two JSON values. */
export function diffJson(manifest: unknown, now: unknown): Change[] {
  const a = flatten(manifest, '', new Map());
  const b = flatten(now, '', new Map());
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  return keys
    .filter((k) => a.get(k) !== b.get(k))
    .map((k) => ({ key: k, manifest: a.get(k) ?? '(absent)', now: b.get(k) ?? '(absent)' }));
}

function sameResult(a: Result, b: Result): boolean {
  return (
    a.numerator === b.numerator &&
    a.denominator === b.denominator &&
    a.value === b.value &&
    a.target === b.target &&
    a.rag === b.rag &&
    JSON.stringify(Object.entries(a.excluded).sort()) === JSON.stringify(Object.entries(b.excluded).sort())
  );
}

function sameFigure(a: Result, b: Result): boolean {
  return a.numerator === b.numerator && a.denominator === b.denominator && a.value === b.value;
}

/** Compares a manifest with a fresh manifest of the same command. */
export function verifyManifest(manifest: Manifest, fresh: Manifest): VerifyReport {
  const names = [...new Set([...Object.keys(manifest.inputs), ...Object.keys(fresh.inputs)])];
  const inputs: InputCheck[] = names.map((name) => {
    const m = manifest.inputs[name];
    const n = fresh.inputs[name];
    const pick = (x: typeof m): InputSource | null =>
      x ? { path: x.path, ...(x.sheet === undefined ? {} : { sheet: x.sheet }), sha256: x.sha256, bytes: x.bytes } : null;
    const status = !m ? 'added' : !n ? 'missing' : m.sha256 === n.sha256 ? 'same' : 'changed';
    return { name, status, manifest: pick(m), now: pick(n) };
  });
  const changedInputs = new Set(inputs.filter((i) => i.status !== 'same').map((i) => i.name));
  const rules = diffJson(manifest.config, fresh.config);
  const targets = diffJson(manifest.targets, fresh.targets);
  const calendar = diffJson(manifest.calendar, fresh.calendar);

  const key = (r: Result) => `${r.metric}\u0000${r.period}\u0000${r.group ?? ''}`;
  const freshResults = new Map(fresh.results.map((r) => [key(r), r]));
  const seen = new Set<string>();
  const results: ResultCheck[] = manifest.results.map((m) => {
    seen.add(key(m));
    const n = freshResults.get(key(m)) ?? null;
    const id = { metric: m.metric, period: m.period, group: m.group ?? null };
    if (n && sameResult(m, n)) return { ...id, status: 'same', manifest: m, now: n, causes: [] };
    const causes: string[] = [];
    const uses = findMeasure(m.metric)?.extracts ?? [];
    const inputCauses = uses.filter((x) => changedInputs.has(x));
    if (inputCauses.length) causes.push(`input changed: ${inputCauses.join(', ')}`);
    if (rules.length) causes.push('rules changed');
    if (calendar.length) causes.push('calendar changed');
    if (n && sameFigure(m, n) && targets.length) causes.push('targets changed');
    if (causes.length === 0) causes.push("nothing changed that explains it: the manifest's figure is not what these inputs and rules produce");
    return { ...id, status: 'differs', manifest: m, now: n, causes };
  });
  for (const n of fresh.results) {
    if (!seen.has(key(n))) {
      results.push({ metric: n.metric, period: n.period, group: n.group ?? null, status: 'differs', manifest: null, now: n, causes: ['not in the manifest'] });
    }
  }
  const same =
    changedInputs.size === 0 && rules.length === 0 && targets.length === 0 && calendar.length === 0 && results.every((r) => r.status === 'same');
  return {
    same,
    generator: { manifest: `${manifest.generator.name} ${manifest.generator.version}`, now: `${fresh.generator.name} ${fresh.generator.version}` },
    asAt: manifest.asAt,
    inputs,
    rules,
    targets,
    calendar,
    results,
  };
}
