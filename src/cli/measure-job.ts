/**
 * A worker thread's share of a scorecard's measures (see measure-share.ts):
 * the extracts it was given, the measures run over them, and the extracts
 * handed back. Loaded by load-worker.ts on demand, so a worker that only
 * reads never loads the measures.
 */
import type { Config } from '../config/config.js';
import type { Day } from '../core/day.js';
import type { Period } from '../core/period.js';
import { findMeasure } from '../measures/index.js';
import type { Grouping, MeasureData } from '../measures/types.js';
import { transferables } from '../normalise/columns.js';
import { EXTRACTS, type ExtractName } from '../normalise/extracts.js';
import { RecordTable, type TableState } from '../normalise/table.js';
import { type MeasureRun, runMeasure } from '../report/scorecard.js';
import { measureContext } from './context.js';
import { internalError } from './load-protocol.js';

/** An extract's records as plain data, with the count of rows its source had. */
export interface MovedTable {
  readonly name: ExtractName;
  readonly table: TableState;
  readonly rowsRead: number | undefined;
}

/** The measures a worker is to run, and everything they read. */
export interface MeasureJob {
  readonly kind: 'measures';
  readonly id: number;
  readonly config: Config;
  readonly asAt: Day;
  readonly periods: readonly Period[];
  readonly by?: Grouping | undefined;
  /** Ids of the measures to run. */
  readonly measures: readonly string[];
  readonly tables: readonly MovedTable[];
}

export type MeasureReply =
  | { readonly kind: 'measures-done'; readonly id: number; readonly runs: readonly (readonly [string, MeasureRun])[]; readonly tables: readonly MovedTable[] }
  | { readonly kind: 'measures-failed'; readonly id: number; readonly message: string; readonly stack: string };

/** A sealed table as plain data, and the buffers that can travel without a copy. */
export function moveTable(name: ExtractName, records: RecordTable<ExtractName>): { moved: MovedTable; transfer: ArrayBuffer[] } {
  const table = records.snapshot();
  return { moved: { name, table, rowsRead: records.rowsRead }, transfer: [...new Set(table.columns.flatMap(transferables))] };
}

/** The table again, from moveTable. */
export function restoreTable(moved: MovedTable): RecordTable<ExtractName> {
  const records = RecordTable.restore(EXTRACTS[moved.name], moved.table);
  records.rowsRead = moved.rowsRead;
  return records;
}

/** Runs the job's measures; the reply hands the tables back (without a copy). */
export function runMeasureJob(job: MeasureJob): { reply: MeasureReply; transfer: ArrayBuffer[] } {
  const tables = job.tables.map((t) => [t.name, restoreTable(t)] as const);
  try {
    const data = Object.fromEntries(tables) as MeasureData;
    const context = measureContext(job.config, job.asAt);
    const runs = job.measures.map((id) => {
      const measure = findMeasure(id);
      if (!measure) throw new Error(`internal: no measure ${id}`);
      return [id, runMeasure(measure, data, context, job.periods, job.by)] as const;
    });
    const back = tables.map(([name, records]) => moveTable(name, records));
    return { reply: { kind: 'measures-done', id: job.id, runs, tables: back.map((b) => b.moved) }, transfer: back.flatMap((b) => b.transfer) };
  } catch (e) {
    return { reply: { kind: 'measures-failed', id: job.id, ...internalError(e) }, transfer: [] };
  }
}
