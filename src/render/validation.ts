/**
 * The data-quality report as text, CSV or JSON.
 */
import Table from 'cli-table3';
import { columnLetter } from '../normalise/headers.js';
import type { ExtractCheck, ValidationReport } from '../report/validation.js';
import { csvLine } from './csv.js';
import { formatCount } from './numbers.js';

const STATUS_TEXT = { clean: 'clean', rejected: 'rows rejected', unreadable: 'CANNOT BE READ', absent: 'not supplied' } as const;

function describeColumns(x: ExtractCheck): string[] {
  const found = x.columns.filter((c) => c.found).map((c) => `${c.field} = ${c.found!.letter} "${c.found!.header}"`);
  const missing = x.columns.filter((c) => !c.found).map((c) => `${c.field}${c.required ? ' (required)' : ''}`);
  const lines = [`  Columns used: ${found.join(', ') || 'none'}`];
  if (missing.length) lines.push(`  Not in the file: ${missing.join(', ')}`);
  if (x.ignored.length) lines.push(`  Ignored: ${x.ignored.map((h) => `"${h}"`).join(', ')}`);
  return lines;
}

export function renderValidationText(report: ValidationReport): string {
  const lines: string[] = [`Extracts checked as at ${report.asAt}`, ''];
  for (const x of report.extracts) {
    if (x.status === 'absent') {
      lines.push(`${x.name}: not supplied`, '');
      continue;
    }
    lines.push(`${x.name}: ${x.file} — ${STATUS_TEXT[x.status]}`);
    if (x.error) {
      lines.push(`  ${x.error.line ? `line ${x.error.line}: ` : ''}${x.error.code}: ${x.error.message}`, '');
      continue;
    }
    lines.push(`  ${x.encoding}, ${formatCount(x.bytes ?? 0)} bytes, SHA-256 ${x.sha256}`);
    lines.push(...describeColumns(x));
    const r = x.rows!;
    lines.push(
      `  Rows: ${formatCount(r.read)} read = ${formatCount(r.valid)} valid + ${formatCount(r.rejected)} rejected + ${formatCount(r.duplicate)} duplicate` +
        (x.blankLines ? ` (${formatCount(x.blankLines)} blank line${x.blankLines === 1 ? '' : 's'} skipped)` : ''),
    );
    for (const w of x.warnings) lines.push(`  Warning, line ${w.line}: ${w.code}: ${w.message}`);
    if (x.problems.length) {
      const table = new Table({
        head: ['Line', 'Column', 'Header', 'Code', 'Value', 'Problem'],
        style: { head: [], border: [], compact: true },
        wordWrap: true,
        colWidths: [null, null, null, null, 24, 72],
      });
      for (const p of x.problems) {
        table.push([String(p.line), p.column ? columnLetter(p.column) : '', p.header, p.code, p.value.length > 60 ? `${p.value.slice(0, 60)}…` : p.value, p.message]);
      }
      lines.push(table.toString());
    }
    if (x.duplicates.length) {
      const shown = x.duplicates.slice(0, 10).map((d) => `line ${d.line} repeats line ${d.firstLine}`);
      lines.push(`  Duplicates dropped: ${shown.join('; ')}${x.duplicates.length > 10 ? `; and ${x.duplicates.length - 10} more` : ''}`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

export function renderValidationCsv(report: ValidationReport): string {
  let out = csvLine(['extract', 'file', 'line', 'column', 'header', 'field', 'code', 'value', 'message']);
  for (const x of report.extracts) {
    if (x.error) out += csvLine([x.name, x.file, x.error.line || null, null, null, null, x.error.code, null, x.error.message]);
    for (const w of x.warnings) out += csvLine([x.name, x.file, w.line, null, null, null, w.code, null, w.message]);
    for (const p of x.problems) {
      out += csvLine([x.name, x.file, p.line, p.column ? columnLetter(p.column) : null, p.header, p.field, p.code, p.value, p.message]);
    }
  }
  return out;
}

export function renderValidationJson(report: ValidationReport): string {
  return `${JSON.stringify(
    {
      schemaVersion: 1,
      generator: report.generator,
      asAt: report.asAt,
      extracts: Object.fromEntries(
        report.extracts.map((x) => [
          x.name,
          {
            path: x.file,
            status: x.status,
            error: x.error,
            encoding: x.encoding,
            bytes: x.bytes,
            sha256: x.sha256,
            columns: x.columns.map((c) => ({ field: c.field, required: c.required, column: c.found?.letter ?? null, header: c.found?.header ?? null })),
            ignored: x.ignored,
            rows: x.rows,
            blankLines: x.blankLines,
            problems: x.problems.map((p) => ({
              code: p.code,
              line: p.line,
              column: p.column ? columnLetter(p.column) : null,
              header: p.header || null,
              field: p.field || null,
              value: p.value,
              message: p.message,
            })),
            duplicates: x.duplicates.map((d) => ({ line: d.line, firstLine: d.firstLine })),
            warnings: x.warnings,
          },
        ]),
      ),
    },
    null,
    2,
  )}\n`;
}

export const VALIDATION_FORMATS = {
  table: renderValidationText,
  csv: renderValidationCsv,
  json: renderValidationJson,
} as const;
