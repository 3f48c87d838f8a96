/**
 * What the benchmark asks of a child process and what the child reports back.
 * Types only: the child is compiled on its own and must not import anything
 * at run time but Node's built-in modules and the URLs it is given.
 */

export type ChildJob =
  | {
      /**
       * csv-parse alone: count the records of `files`, in the plainest use
       * (`for await` over the records, options `bom` and `relax_column_count` only).
       */
      readonly kind: 'csv-parse';
      readonly files: readonly string[];
      /** The csv-parse the project resolves (its ESM build). */
      readonly csvParseUrl: string;
    }
  | {
      /** DuckDB: run `statements` in order in an in-memory database; the last one returns the figures. */
      readonly kind: 'duckdb';
      /** The @duckdb/node-api the project resolves. */
      readonly duckdbUrl: string;
      readonly statements: readonly string[];
    }
  | {
      /** The whole command line run in the child's process. */
      readonly kind: 'scorecard';
      /** The CLI's main module: dist/bundle/main.js (what bin/csc-kpi.js runs), or dist/cli/main.js to profile. */
      readonly mainUrl: string;
      readonly argv: readonly string[];
      /** Exit statuses that count as a run that worked (default 0 only; validate exits 2 on rejected rows). */
      readonly acceptExit?: readonly number[];
    }
  | {
      /** The scorecard's steps one at a time, with time and memory after each (profiling only). */
      readonly kind: 'stages';
      /** The dist/ folder, as a URL ending in a slash. */
      readonly distUrl: string;
      readonly dataDir: string;
      readonly asAt: string;
      readonly from: string;
      readonly to: string;
    };

/** Memory figures in bytes. */
export interface MemoryFigures {
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
  readonly arrayBuffers: number;
  /** process.resourceUsage().maxRSS so far, converted from KiB to bytes. */
  readonly maxRss: number;
}

export interface StageReport {
  readonly stage: string;
  readonly seconds: number;
  /** Data rows read (load stages only). */
  readonly rows: number | null;
  /** Taken after a full garbage collection when the child runs with --expose-gc. */
  readonly memory: MemoryFigures;
}

/** One figure of a run: a measure's numerator and denominator for one period. */
export interface Figure {
  readonly metric: string;
  readonly period: string;
  readonly numerator: number | string | null;
  readonly denominator: number | string | null;
}

export interface RowCounts {
  readonly read: number;
  readonly valid: number;
  readonly rejected: number;
  readonly duplicate: number;
}

export interface ChildResult {
  readonly ok: boolean;
  /** Wall time from just before the code under test is imported to the end of the work. */
  readonly seconds: number;
  /** Data rows (header lines not counted). */
  readonly rows: number;
  /** Peak resident set size of the child over its whole life, in KiB (process.resourceUsage().maxRSS). */
  readonly maxRssKiB: number;
  readonly memoryAtEnd: MemoryFigures;
  /** v8.getHeapStatistics() at the end. */
  readonly heap: Readonly<Record<string, number>>;
  /** Scorecard: the CLI's exit status. */
  readonly exitCode?: number;
  /**
   * Scorecard and DuckDB: every measure's numerator and denominator per period
   * (DuckDB's come as its SQL returns them: counts may be strings of digits).
   */
  readonly figures?: readonly Figure[];
  /** Scorecard: the rows accounting from the JSON output, per extract. */
  readonly inputs?: Readonly<Record<string, RowCounts>>;
  /** Scorecard: the first part of what the CLI wrote to stderr (the rejected-row notes). */
  readonly stderrHead?: string;
  readonly stages?: readonly StageReport[];
  readonly error?: string;
}

/** The child prints its result on one stdout line starting with this. */
export const RESULT_MARK = 'BENCH-RESULT ';
