/**
 * Running one measurement in a fresh Node process.
 *
 * The child program (child.ts) is compiled to plain JavaScript once per
 * benchmark and run with plain `node`, not through the TypeScript loader the
 * benchmark itself runs under: the loader would add its own memory (tens of
 * megabytes) and start-up time to every figure.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { type ChildJob, type ChildResult, RESULT_MARK } from './protocol.js';

/** Compiles child.ts into `dir` and returns the path of the JavaScript file. */
export async function compileChild(dir: string): Promise<string> {
  const source = await readFile(new URL('./child.ts', import.meta.url), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: 'child.ts',
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
    },
  });
  const path = join(dir, 'bench-child.mjs');
  await writeFile(path, outputText);
  return path;
}

const running = new Set<ChildProcess>();

/** Ends the children still running (when the benchmark is interrupted). */
export function stopChildren(): void {
  for (const child of running) child.kill('SIGKILL');
}

export interface ChildRun {
  readonly result: ChildResult;
  /** Spawn to exit, as seen from outside: includes Node's start-up and shutdown. */
  readonly processSeconds: number;
}

/** Runs `job` in a new `node` process with `nodeFlags`; throws when the child fails. */
export async function runChild(childPath: string, job: ChildJob, nodeFlags: readonly string[] = []): Promise<ChildRun> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeFlags, childPath, JSON.stringify(job)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr = (stderr + s).slice(-8000)));
  const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  const processSeconds = (performance.now() - t0) / 1000;
  const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARK));
  if (line === undefined) {
    throw new Error(
      `the ${job.kind} child ended (${signal ?? `exit ${code}`}) without a result${stderr ? `:\n${stderr}` : ''}`,
    );
  }
  const result = JSON.parse(line.slice(RESULT_MARK.length)) as ChildResult;
  if (!result.ok) {
    const why = result.error ?? `the CLI exited with status ${result.exitCode}: ${result.stderrHead ?? ''}`;
    throw new Error(`the ${job.kind} child failed: ${why}`);
  }
  return { result, processSeconds };
}
