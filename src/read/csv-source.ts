/**
 * A CSV file as a source of rows (see source.ts).
 *
 * With the encoding left to `auto`, a file without a byte order mark is read
 * as UTF-8; if it turns out not to be UTF-8 and the file can be opened
 * again, it is read again as Windows-1252 (what Excel writes on a UK PC),
 * into a fresh sink. Bytes that are text in neither are one `undecodable`
 * problem listing each encoding tried.
 *
 * The file is read by the fast reader (fast-csv.ts) when it can be opened
 * again; anything that reader does not read sends the whole file back to
 * csv-parse (csv.ts), from the start, into a fresh sink.
 *
 * This module opens nothing itself: the caller hands it a way to open the
 * bytes, so only the command line touches files.
 */
import type { Readable } from 'node:stream';
import { type CsvStats, readCsv } from './csv.js';
import { DecodeError, type EncodingSetting, NotUtf8Error } from './decode.js';
import { FastPathUnsupported, readCsvFast } from './fast-csv.js';
import { type DecodeFailure, type Source, SourceError, type SourceRead, type SourceRef } from './source.js';

export type ByteStream = Readable | AsyncIterable<Uint8Array>;

/** The bytes of a CSV file: a stream, or a way to open it (needed to read a non-UTF-8 file again). */
export type CsvBytes = ByteStream | (() => ByteStream | Promise<ByteStream>);

export interface CsvSourceOptions {
  /** The file's character encoding (default auto). */
  readonly encoding?: EncodingSetting | undefined;
  /** The file's size in bytes, when known. */
  readonly size?: number | undefined;
  /**
   * `fast` (default): the byte-level reader (fast-csv.ts), which hands the
   * file to csv-parse when it meets anything it does not read;
   * `csv-parse`: csv-parse alone, the reference.
   */
  readonly reader?: CsvReader | undefined;
}

export type CsvReader = 'fast' | 'csv-parse';

function failureOf(e: DecodeError): DecodeFailure {
  return { encoding: e.encoding, offset: e.offset, byte: e.byte };
}

/** The CSV file `path` (as named to the user), read from `bytes`. */
export function csvSource(path: string, bytes: CsvBytes, options: CsvSourceOptions = {}): Source {
  const ref: SourceRef = { kind: 'csv', path };
  const open = async (): Promise<ByteStream> => (typeof bytes === 'function' ? bytes() : bytes);
  const undecodable = (tried: DecodeFailure[]) => new SourceError({ code: 'undecodable', at: { source: ref, line: 0, column: 0 }, params: { tried } });

  const once = async (sink: Parameters<Source['read']>[0], encoding: EncodingSetting): Promise<SourceRead> => {
    let stats: CsvStats;
    // Only a file that can be opened again can be read fast: the fallback starts it over.
    if (options.reader !== 'csv-parse' && typeof bytes === 'function') {
      try {
        stats = await readCsvFast(await open(), sink(), { encoding });
      } catch (e) {
        if (!(e instanceof FastPathUnsupported)) throw e;
        // The whole file again, with csv-parse, into a fresh sink.
        stats = await readCsv(await open(), sink(), { encoding });
      }
    } else stats = await readCsv(await open(), sink(), { encoding });
    return {
      provenance: { kind: 'csv', path, bytes: stats.bytes, sha256: stats.sha256, encoding: stats.encoding, blankLines: stats.blankLines },
      empty: stats.bytes === 0,
    };
  };

  return {
    ref,
    size: options.size,
    async read(start) {
      const setting = options.encoding ?? 'auto';
      try {
        return await once(start, setting);
      } catch (e) {
        if (e instanceof NotUtf8Error && typeof bytes === 'function') {
          try {
            return await once(start, 'windows-1252');
          } catch (again) {
            if (again instanceof DecodeError) throw undecodable([failureOf(e), failureOf(again)]);
            throw again;
          }
        }
        if (e instanceof DecodeError) throw undecodable([failureOf(e)]);
        throw e;
      }
    },
  };
}
