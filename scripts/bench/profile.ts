/**
 * Reading a V8 CPU profile (`node --cpu-prof`) into plain tables: where the
 * samples fell, by function (self time), by module or package (self time),
 * by project function including what it calls (inclusive time), and by
 * source line of the project's code (V8 records the line of each sample).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
  /** Samples per source line (1-based) within this node's function. */
  readonly positionTicks?: readonly { readonly line: number; readonly ticks: number }[];
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  /** Microseconds since the previous sample. */
  readonly timeDeltas: readonly number[];
}

export interface ProfileLine {
  readonly name: string;
  readonly ms: number;
  readonly share: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  readonly byFunction: readonly ProfileLine[];
  readonly byModule: readonly ProfileLine[];
  /** Every module's self time in ms, for comparing two profiles. */
  readonly moduleMs: ReadonlyMap<string, number>;
  /** Project (dist/) functions with the time spent in them and in what they call. */
  readonly inclusive: readonly ProfileLine[];
  /** Project (dist/) source lines by self time, with the line's text. */
  readonly lines: readonly ProfileLine[];
  /**
   * Time by step of the run (see stepOf): a sample counts for the step of
   * the innermost function on its stack that belongs to one, so time in a
   * native helper (making a string, a Map lookup) counts for the step that
   * called it.
   */
  readonly steps: readonly { readonly step: Step; readonly ms: number }[];
}

/**
 * Where the code lives, as file URLs ending in a slash: `app` holds the
 * dist/ folder that was run, `repo` the project (for node_modules).
 */
export interface CodeRoots {
  readonly app: string;
  readonly repo: string;
}

/** A short name for where a function lives: a package, a dist/ file, a Node internal. */
function moduleOf(frame: CallFrame, roots: CodeRoots): string {
  const { url, functionName } = frame;
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return url.replace(/^node:internal\//, 'node:');
  const root = [roots.app, roots.repo].find((r) => url.startsWith(r));
  const rel = root === undefined ? url : url.slice(root.length);
  // Packages wherever node_modules lives (it may be a link to another checkout's).
  const pkg = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(rel);
  if (pkg) return pkg[1]!;
  return rel;
}

function functionLabel(frame: CallFrame, roots: CodeRoots): string {
  const name = frame.functionName || '(anonymous)';
  if (frame.url === '') return name;
  return `${name}  ${moduleOf(frame, roots)}:${frame.lineNumber + 1}`;
}

/** The text of line `line` (1-based) of a file URL, shortened; '' when unreadable. */
function sourceLine(url: string, line: number, cache: Map<string, string[]>): string {
  let lines = cache.get(url);
  if (lines === undefined) {
    try {
      lines = readFileSync(fileURLToPath(url), 'utf8').split('\n');
    } catch {
      lines = [];
    }
    cache.set(url, lines);
  }
  const text = (lines[line - 1] ?? '').trim();
  return text.length > 90 ? `${text.slice(0, 87)}...` : text;
}

function top(map: Map<string, number>, totalUs: number, n: number): ProfileLine[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, us]) => ({ name, ms: us / 1000, share: us / totalUs }));
}

/** Summarises a profile. */
export function summariseProfile(profile: CpuProfile, roots: CodeRoots, n = 25): ProfileSummary {
  const dist = `${roots.app}dist/`;
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const c of node.children ?? []) parent.set(c, node.id);
  }
  const self = new Map<string, number>();
  const modules = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const nodeUs = new Map<number, number>();
  let totalUs = 0;
  const seen = new Set<string>();
  const steps = new Map<Step, number>(STEPS.map((step) => [step, 0]));
  const stepOfNode = new Map<number, Step>();
  const stepAt = (id: number): Step => {
    let step = stepOfNode.get(id);
    if (step === undefined) {
      step = stepOf(moduleOf(byId.get(id)!.callFrame, roots));
      const up = parent.get(id);
      if (step === 'other' && up !== undefined) step = stepAt(up);
      stepOfNode.set(id, step);
    }
    return step;
  };
  for (let i = 0; i < profile.samples.length; i++) {
    const us = profile.timeDeltas[i] ?? 0;
    const node = byId.get(profile.samples[i]!);
    if (!node || us <= 0) continue;
    totalUs += us;
    nodeUs.set(node.id, (nodeUs.get(node.id) ?? 0) + us);
    const label = functionLabel(node.callFrame, roots);
    self.set(label, (self.get(label) ?? 0) + us);
    const mod = moduleOf(node.callFrame, roots);
    modules.set(mod, (modules.get(mod) ?? 0) + us);
    const step = stepAt(node.id);
    steps.set(step, steps.get(step)! + us);
    // Inclusive time of project functions: once per sample, however deep the recursion.
    seen.clear();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)!.callFrame;
      if (!frame.url.startsWith(dist)) continue;
      const l = functionLabel(frame, roots);
      if (seen.has(l)) continue;
      seen.add(l);
      inclusive.set(l, (inclusive.get(l) ?? 0) + us);
    }
  }
  // A node's time shared out over its lines in proportion to their ticks.
  const lines = new Map<string, number>();
  const sources = new Map<string, string[]>();
  for (const node of profile.nodes) {
    const us = nodeUs.get(node.id);
    const ticks = node.positionTicks ?? [];
    const all = ticks.reduce((sum, t) => sum + t.ticks, 0);
    if (us === undefined || all === 0 || !node.callFrame.url.startsWith(dist)) continue;
    for (const t of ticks) {
      const label = `${node.callFrame.url.slice(dist.length)}:${t.line}  ${sourceLine(node.callFrame.url, t.line, sources)}`;
      lines.set(label, (lines.get(label) ?? 0) + (us * t.ticks) / all);
    }
  }
  return {
    totalMs: totalUs / 1000,
    byFunction: top(self, totalUs, n),
    byModule: top(modules, totalUs, n),
    moduleMs: new Map([...modules].map(([m, us]) => [m, us / 1000])),
    inclusive: top(inclusive, totalUs, n),
    lines: top(lines, totalUs, n),
    steps: STEPS.map((step) => ({ step, ms: steps.get(step)! / 1000 })),
  };
}

export interface ModuleDifference {
  readonly module: string;
  readonly baseMs: number;
  readonly ms: number;
}

/**
 * Self time per module in two profiles (a baseline and a run doing more),
 * the modules where the run spends the most extra time first.
 */
export function compareModules(base: ProfileSummary, run: ProfileSummary, n = 20): ModuleDifference[] {
  const names = new Set([...base.moduleMs.keys(), ...run.moduleMs.keys()]);
  return [...names]
    .map((module) => ({ module, baseMs: base.moduleMs.get(module) ?? 0, ms: run.moduleMs.get(module) ?? 0 }))
    .sort((a, b) => b.ms - b.baseMs - (a.ms - a.baseMs))
    .slice(0, n);
}

/** The steps of a run the closing figures are quoted in. */
export const STEPS = ['read', 'validate', 'store', 'measures', 'render', 'garbage collector', 'other'] as const;
export type Step = (typeof STEPS)[number];

/**
 * The step a module's time belongs to, or 'other': reading (the CSV reader and
 * csv-parse, streams, files, decoding), validating rows (values, dates,
 * headers, keys), storing them (record tables and columns), the measures
 * (with the calendar), rendering (report models and renderers), the garbage
 * collector, and the rest (start-up, configuration, threads, idle time).
 */
export function stepOf(module: string): Step {
  if (module === '(garbage collector)') return 'garbage collector';
  if (/^dist\/read\//.test(module) || module === 'csv-parse' || /^node:(streams?|fs|buffer|string_decoder|crypto)\b/.test(module)) return 'read';
  if (/^dist\/normalise\/(validate|parse-date|headers|define)\.js$/.test(module)) return 'validate';
  if (/^dist\/normalise\/(table|columns|load)\.js$/.test(module)) return 'store';
  if (/^dist\/(measures|core)\//.test(module)) return 'measures';
  if (/^dist\/(render|report)\//.test(module)) return 'render';
  return 'other';
}
