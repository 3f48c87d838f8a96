/**
 * Running the command line in tests: in-process through `main` with a fake
 * terminal, or as a real child process (for time zones and the bin script).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { onTestFinished } from 'vitest';
import { dayFromYmd } from '../../src/core/day.js';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/csc-kpi.js');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface FakeTerminal {
  readonly isTTY?: boolean;
  /** Whether stderr is a terminal (default false). */
  readonly stderrIsTTY?: boolean;
  readonly env?: Record<string, string | undefined>;
}

/** Runs `csc-kpi ...args` in-process. The default as-at ("today") is 10 May 2021. */
export async function runCli(args: readonly string[], terminal: FakeTerminal = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string | Uint8Array) => (stdout += String(s)), isTTY: terminal.isTTY ?? false },
    stderr: { write: (s: string | Uint8Array) => (stderr += String(s)), isTTY: terminal.stderrIsTTY ?? false },
    env: terminal.env ?? {},
    today: () => dayFromYmd(2021, 5, 10),
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** Runs the built bin script in a child process with extra environment variables. */
export function spawnCli(args: readonly string[], env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder with the given files; removed by the returned cleanup. */
export function tempFolder(files: Record<string, string | Buffer> = {}): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'csc-kpi-test-'));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A temporary folder with the given files, removed when the current test
 * finishes, pass or fail. Call it inside a test or a beforeEach.
 */
export function scratchFolder(files: Record<string, string | Buffer> = {}): string {
  const { dir, cleanup } = tempFolder(files);
  onTestFinished(cleanup);
  return dir;
}
