/**
 * One large CSV file read on two threads: split at a record boundary, each
 * part validated on its own thread, then merged so that the result is
 * exactly what one thread reading the whole file gives.
 *
 * The first part is read as any extract (src/normalise/load.ts). The later
 * part is read with `deferKeys` (see validate.ts): each row's cells are
 * checked (required values, dates, codes, date order, field count) and the
 * rows that pass are stored as they come, their names spelt as written;
 * nothing about keys is decided there, since a row's key may have been
 * seen in the first part. Merging then hands each stored row of the later
 * part, in file order and on its line of the whole file, to the first
 * part's key check: the same check, in the same order, as a single read.
 * So duplicates, `duplicate-key` rejections (keep-first or keep-last), the
 * first spelling of each name and the order of the records are those of a
 * single read; the later part's other rejections join the first part's on
 * their lines, and the rejections end up in line order as always.
 *
 * Whether the split point is a record boundary is known only once the
 * first part has been read (a line feed may lie inside a quoted cell); the
 * caller reads the whole file on one thread when it is not, or when either
 * part is something the fast reader hands to csv-parse (see
 * src/read/fast-csv.ts).
 */
import { keyPositions } from './define.js';
import type { ExtractName } from './extracts.js';
import { dropSpares, transferables } from './columns.js';
import type { Rejection } from './problems.js';
import { RecordTable, type TableState } from './table.js';
import type { ExtractValidator, RowCounts } from './validate.js';

/** A later part of a split file as plain data, to send it between threads. */
export interface PartState {
  readonly counts: RowCounts;
  /** Rejections of rows' cells, on the part's own lines (line 1 is the part's first). */
  readonly rejections: readonly Rejection[];
  /** Stored row → its key cell as written, where that is not the value stored. */
  readonly writtenKeys: readonly (readonly [number, string])[];
  readonly blankLines: number;
  readonly table: TableState;
  /** The hash of each stored row's key. */
  readonly keyHashes: Uint32Array;
}

/** A later part, read with `deferKeys`, as plain data, and the buffers that can travel without a copy. */
export function partState<N extends ExtractName>(v: ExtractValidator<N>, blankLines: number): { state: PartState; transfer: ArrayBuffer[] } {
  v.records.seal();
  const table = v.records.snapshot();
  const keyHashes = v.keyHashes.toArray();
  return {
    state: { counts: { ...v.counts }, rejections: v.rejections, writtenKeys: [...v.writtenKeys], blankLines, table, keyHashes },
    transfer: [...new Set(table.columns.flatMap(transferables)), keyHashes.buffer as ArrayBuffer],
  };
}

/**
 * Merges a later part into the validator that read the part before it (not
 * yet sealed): every stored row of the part goes through the key check in
 * file order, its lines moved on by `lineOffset` (the lines before the part),
 * and the part's rejections join the validator's. With `pause`, awaited
 * every 65,536 rows, the caller's other work goes on meanwhile (nothing
 * else may touch the validator until the merge is done).
 */
export async function mergePart<N extends ExtractName>(
  v: ExtractValidator<N>,
  part: PartState,
  lineOffset: number,
  pause?: () => Promise<void>,
): Promise<void> {
  const def = v.def;
  const rows = RecordTable.restore<N>(def, part.table);
  // The restored columns hold the part's arrays now; the message must not hold them too, or releasing them frees nothing.
  forgetArrays(part.table);
  const { keyPos, compositePos } = keyPositions(def);
  const written = new Map(part.writtenKeys);
  const table = v.records;
  const codes = table.codeMaps(rows);
  // Rows whose key no row holds yet are indexed at once and copied in runs
  // (appendRows); a row whose key may be held ends the run and goes through
  // the key check itself, after the rows before it.
  let run = 0;
  let row = 0;
  while (row < rows.length) {
    // The part's memory goes as the merge passes it, 65,536 rows at a time: at no time are both wholly held.
    const window = Math.min(rows.length, (row | 0xffff) + 1);
    const stop = table.indexNewKeys(part.keyHashes, row, window, table.length + (row - run));
    v.counts.valid += stop - row;
    row = stop;
    if (row === window) {
      if (row === rows.length) break;
      table.appendRows(rows, run, row, lineOffset, codes);
      run = row;
      rows.release(row);
      // A merge takes a good part of a second: `pause` lets the caller answer its workers meanwhile.
      if (pause) await pause();
      continue;
    }
    // A key some row has a hash like: the key check tells, once the rows before are in.
    table.appendRows(rows, run, row, lineOffset, codes);
    const cells = rows.cells(row);
    const pos = typeof cells[keyPos] === 'string' ? keyPos : compositePos[0]!;
    v.checkKey(cells, rows.line(row) + lineOffset, written.get(row) ?? String(cells[pos] ?? ''));
    run = ++row;
  }
  table.appendRows(rows, run, rows.length, lineOffset, codes);
  dropSpares();
  for (const r of part.rejections) v.adoptRejection({ ...r, at: { ...r.at, line: r.at.line + lineOffset } });
  v.counts.read += part.counts.read;
}

/**
 * Empties the lists of arrays of a table state once a table has been
 * restored from it (a dictionary column's list is the restored column's
 * own, and is emptied as it is released).
 */
function forgetArrays(state: TableState): void {
  for (const column of state.columns) {
    if (column.kind === 'int') (column.chunks as unknown[]).length = 0;
    else if (column.kind === 'arena') {
      (column.refs as unknown[]).length = 0;
      (column.blocks as unknown[]).length = 0;
    }
  }
}
