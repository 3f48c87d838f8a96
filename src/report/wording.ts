/**
 * The words for every problem: the one place a problem (a code, a location
 * and parameters, see src/normalise/problems.ts) becomes a sentence, and a
 * location becomes text. Every output that shows a problem (stderr, the
 * validation report in each format, the errors a command stops with) gets
 * its words here.
 *
 * The advice can depend on the kind of source: "check for a stray comma" or
 * "re-export it as CSV UTF-8" is said of a CSV file only. Locations read as
 * their users think of them:
 *
 *   contacts.csv:14: column C (Date of Contact)     a cell of a CSV file
 *   contacts.csv:14                                  a CSV record as a whole
 *   annex-a.xlsx!List 4!C17 (Date of Contact)        a cell of a sheet
 *   annex-a.xlsx!List 4!17:17                        a row of a sheet
 *
 * fixtures/errors/README.md lists the exact message of every code for CSV.
 */
import { formatDay } from '../core/day.js';
import { annexAList } from '../normalise/annex-a.js';
import type { ExtractWarning, FileProblem, Problem, Rejection } from '../normalise/problems.js';
import type { SheetSummary } from '../normalise/workbook.js';
import type { DateProblem } from '../normalise/parse-date.js';
import { type Encoding, encodingName } from '../read/decode.js';
import { columnLetter, type DecodeFailure, type Location, type Provenance, type RecordProblem, type SourceRef } from '../read/source.js';

export { columnLetter };

export const DATE_PROBLEM_TEXT: Readonly<Record<DateProblem, string>> = {
  'two-digit-year': 'two-digit years are ambiguous; write the year in full (dd/mm/yyyy)',
  'no-such-day': 'there is no such day (dates are read day first: dd/mm/yyyy)',
  'bad-time': 'the time after the date is not a time of day (hh:mm or hh:mm:ss)',
  'serial-number': 'a bare number is not a date (it looks like a spreadsheet serial date; format the column as a date)',
  'year-out-of-range': 'the year is before 1900',
  'not-a-date': 'not a date; use yyyy-mm-dd or dd/mm/yyyy',
};

/** What a source's lines are called: a CSV file has lines, a sheet rows. */
export function lineWord(source: Pick<SourceRef, 'kind'>): 'line' | 'row' {
  return source.kind === 'csv' ? 'line' : 'row';
}

/** What the source is called in a sentence. */
function sourceNoun(source: Pick<SourceRef, 'kind'>): 'file' | 'sheet' {
  return source.kind === 'csv' ? 'file' : 'sheet';
}

/** The source as named to the user: `contacts.csv`, `annex-a.xlsx!List 4`. */
export function sourceText(source: SourceRef): string {
  return source.kind === 'csv' ? source.path : `${source.path}!${source.sheet}`;
}

/**
 * Where something is: `contacts.csv:14: column C (Date of Contact)`,
 * `contacts.csv:14`, `contacts.csv`; for a sheet
 * `annex-a.xlsx!List 4!C17 (Date of Contact)`, `annex-a.xlsx!List 4!17:17`.
 * @param header the column's heading as written, for a cell.
 */
export function locationText(at: Location, header = ''): string {
  const { source, line, column } = at;
  if (line <= 0) return sourceText(source);
  if (source.kind === 'csv') return `${source.path}:${line}${column > 0 ? `: column ${columnLetter(column)}${header ? ` (${header})` : ''}` : ''}`;
  const sheet = sourceText(source);
  return column > 0 ? `${sheet}!${columnLetter(column)}${line}${header ? ` (${header})` : ''}` : `${sheet}!${line}:${line}`;
}

/** How the text of a source was read: `UTF-8`, `Windows-1252`; `sheet "List 4"`. */
export function readAsText(p: Provenance): string {
  return p.kind === 'csv' ? encodingName(p.encoding) : `sheet "${p.sheet}"`;
}

function quoted(texts: readonly string[], separator: string): string {
  return texts.map((t) => `"${t}"`).join(separator);
}

function decodeText(f: DecodeFailure): string {
  switch (f.encoding) {
    case 'utf-8':
      return `byte ${f.offset} is not UTF-8`;
    case 'windows-1252':
      return `byte ${f.offset} is 0x${f.byte.toString(16)}, which Windows-1252 leaves undefined`;
    default:
      return `the bytes from offset ${f.offset} are not ${encodingName(f.encoding)} (an odd byte or a broken surrogate pair)`;
  }
}

function undecodableText(tried: readonly DecodeFailure[]): string {
  const last = tried[tried.length - 1]!;
  const first = tried[0]!;
  const detail = tried.length > 1 ? `it is not ${encodingName(first.encoding)} (byte ${first.offset}) nor ${encodingName(last.encoding)} (${decodeText(last)})` : decodeText(last);
  const lastEncoding: Encoding = last.encoding;
  const hint =
    lastEncoding === 'windows-1252'
      ? 're-export it as "CSV UTF-8"'
      : `the file is not ${encodingName(lastEncoding)} throughout; re-export it as "CSV UTF-8", or set mapping.<extract>.encoding in the configuration`;
  return `cannot decode the file: ${detail}; ${hint}`;
}

/** A record the source could not read, found on `at`. */
function recordText(p: RecordProblem, at: Location): string {
  const line = at.line;
  switch (p.code) {
    case 'unclosed-quote':
      return `a quote opened in the record starting on line ${line} is never closed, so the rest of the file could not be read as rows; close the quote or remove it`;
    case 'record-too-long':
      return `the record starting on line ${line} is too long (usually a quote that is never closed); reading stopped there`;
    case 'bad-csv':
      return `the record starting on line ${line} is not valid CSV: ${p.params.detail}`;
    case 'nul-byte':
      return at.source.kind === 'csv'
        ? 'the record contains a NUL byte (binary data in a text file); re-export the extract as CSV'
        : 'the row contains a NUL character (binary data in a cell)';
  }
}

/** The problem in words, without its location. */
export function problemText(p: Problem): string {
  const { source } = p.at;
  const csv = source.kind === 'csv';
  switch (p.code) {
    case 'missing-value':
      return p.params.placeholder === undefined
        ? `${p.params.field} is required but the cell is blank; fill it in, or remove the row if it is not a real ${p.params.noun}`
        : `${p.params.field} is required but the cell holds "${p.params.placeholder}", a placeholder for none; fill it in, or remove the row if it is not a real ${p.params.noun}`;
    case 'invalid-date':
      return `${p.params.field} "${p.params.text}": ${DATE_PROBLEM_TEXT[p.params.problem]}`;
    case 'invalid-value': {
      const { extract, field, text, accepted } = p.params;
      return `${field} "${text}" is not one of: ${accepted.join(', ')} (add a spelling under mapping.${extract}.values.${field})`;
    }
    case 'invalid-number': {
      const { field, text, min, max } = p.params;
      return `${field} "${text}" is not a number greater than ${min} and at most ${max} (write it with a decimal point, e.g. 0.5)`;
    }
    case 'value-too-long': {
      const { field, length, max } = p.params;
      return `${field} is ${length.toLocaleString('en-GB')} characters long; no ${field} is longer than ${max} (check the column is the right one)`;
    }
    case 'date-order': {
      const { field, date, earlierField, earlierDate, blanked } = p.params;
      if (blanked) return `${field} ${formatDay(date)} is before ${earlierField} ${formatDay(earlierDate)}, so ${field} is read as blank and the row is kept; correct the date`;
      return `${field} ${formatDay(date)} is before ${earlierField} ${formatDay(earlierDate)}; one of the two dates is wrong`;
    }
    case 'future-date': {
      const { field, date, asAt } = p.params;
      return `${field} ${formatDay(date)} is after the as-at date ${formatDay(asAt)}; check the date, or give the date the extract was taken with --as-at`;
    }
    case 'duplicate-key': {
      const { key, firstLine, noun, keptLine } = p.params;
      if (keptLine !== undefined) {
        const later = csv ? `the row on line ${keptLine}` : `row ${keptLine}`;
        return `key ${key} is used again on ${lineWord(source)} ${keptLine} with different values; ${later} is kept, as onDuplicateKey is keep-last (give each ${noun} its own key, or remove the stale row)`;
      }
      const kept = csv ? `the row on line ${firstLine}` : `row ${firstLine}`;
      return `key ${key} was already used on ${lineWord(source)} ${firstLine} with different values; ${kept} is kept (give each ${noun} its own key, or remove the stale row)`;
    }
    case 'field-count':
      return csv
        ? `the row has ${p.params.fields} fields but the header has ${p.params.expected}; check for a stray comma or a missing quote`
        : `the row has ${p.params.fields} cells but the header has ${p.params.expected}`;
    case 'unclosed-quote':
    case 'nul-byte':
    case 'record-too-long':
    case 'bad-csv':
      return recordText({ code: p.code, column: p.at.column, params: p.params } as RecordProblem, p.at);
    case 'undecodable':
      return undecodableText(p.params.tried);
    case 'unreadable':
      return p.params.message;
    case 'empty-file':
      return p.params.onlyBlankLines
        ? `the ${sourceNoun(source)} has no header row, only blank ${lineWord(source)}s`
        : `the ${sourceNoun(source)} is empty: there is no header row`;
    case 'missing-column': {
      const { extract, needed, headers } = p.params;
      return `the ${extract} extract needs a column ${needed.map((names) => quoted(names, ' or ')).join(', and a column ')}; the header has ${quoted(headers, ', ')}`;
    }
    case 'ambiguous-column':
      return `columns ${quoted(p.params.headers, ' and ')} both mean ${p.params.field}; keep one`;
    case 'unreadable-header':
      return `the header ${lineWord(source)} cannot be read: ${recordText(p.params.problem, p.at)}`;
    case 'sheet-name': {
      const { sheet, says, extract } = p.params;
      return `the sheet "${sheet}" is named as ${says}, but its header is that of the ${extract} extract, so it is read as ${extract}; check that it is the right sheet, or rename it`;
    }
    case 'no-rows':
      return `the ${sourceNoun(source)} has a header but no data rows, so the measures see no ${p.params.noun}s at all; check that the export finished and covers the right dates`;
    case 'no-valid-rows': {
      const n = p.params.rejected;
      const rows = n === 1 ? `the only data row of the ${sourceNoun(source)} was` : `all ${n.toLocaleString('en-GB')} data rows of the ${sourceNoun(source)} were`;
      return `${rows} rejected, so the measures see no valid ${p.params.noun}s and are not computable; fix the problems reported on its rows`;
    }
  }
}

/** A problem with where it is: `contacts.csv:1: the contacts extract needs a column ...`. */
export function problemLine(p: FileProblem | ExtractWarning | Problem): string {
  // The system's own sentence for a source it cannot open already names it.
  if (p.code === 'unreadable') return problemText(p);
  return `${locationText(p.at)}: ${problemText(p)}`;
}

/** `warning: contacts.csv:1: the file has a header but no data rows ...`. */
export function warningLine(w: ExtractWarning): string {
  return `warning: ${problemLine(w)}`;
}

/**
 * A rejected row: `contacts.csv:14: column C (Date of Contact) invalid-date: ...`,
 * `contacts.csv:3: field-count: ...`; `annex-a.xlsx!List 4!C17 (Date of Contact): invalid-date: ...`.
 */
export function rejectionLine(r: Rejection): string {
  // A CSV cell's location already ends in "(heading)", and the code follows it without a colon.
  const separator = r.at.source.kind === 'csv' && r.at.column > 0 && r.at.line > 0 ? ' ' : ': ';
  return `${locationText(r.at, r.header)}${separator}${r.code}: ${problemText(r)}`;
}

/**
 * What became of a sheet of a workbook: `contacts`, `cases (case_type CIN on
 * every row)`, `read and not used (Annex A List 2, Early help)`,
 * `not used yet: it will be the referrals extract`.
 */
export function sheetUseText(sheet: Pick<SheetSummary, 'name' | 'use'>): string {
  const { use } = sheet;
  const list = annexAList(sheet.name);
  const listText = list ? `Annex A List ${list.number}, ${list.title}` : '';
  switch (use.kind) {
    case 'extract': {
      const fixed = Object.entries(use.fixed).map(([field, value]) => `${field} ${value} on every row`);
      return fixed.length ? `${use.extract} (${fixed.join(', ')})` : use.extract;
    }
    case 'not-used-yet':
      return `not used yet: ${listText ? `${listText}, ` : ''}will be the ${use.extract} extract`;
    case 'not-used':
      switch (use.reason) {
        case 'not-read':
          return `read and not used${listText ? ` (${listText})` : ''}`;
        case 'no-match':
          return 'read and not used: its header matches no extract';
        case 'empty':
          return 'read and not used: the sheet is empty';
      }
  }
}
