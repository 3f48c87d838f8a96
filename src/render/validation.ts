/**
 * The data-quality report as text, CSV or JSON.
 */
import Table from 'cli-table3';
import type { ExtractCheck, ValidationReport } from '../report/validation.js';
import { columnLetter, lineWord, problemText, readAsText, sheetUseText, sourceText } from '../report/wording.js';
import { csvLine } from './csv.js';
import { formatCount } from './numbers.js';

const STATUS_TEXT = { clean: 'clean', rejected: 'rows rejected', unreadable: 'CANNOT BE READ', absent: 'not supplied' } as const;

function describeColumns(x: ExtractCheck): string[] {
  const found = x.columns.filter((c) => c.found).map((c) => `${c.field} = ${c.found!.letter} "${c.found!.header}"`);
  const missing = x.columns.filter((c) => !c.found && !c.given).map((c) => `${c.field}${c.required ? ' (required)' : ''}`);
  const given = x.columns.filter((c) => c.given).map((c) => c.field);
  const lines = [`  Columns used: ${found.join(', ') || 'none'}`];
  if (given.length) lines.push(`  The same on every row (see the workbook's sheets below): ${given.join(', ')}`);
  if (missing.length) lines.push(`  Not in the file: ${missing.join(', ')}`);
  if (x.ignored.length) lines.push(`  Ignored: ${x.ignored.map((h) => `"${h}"`).join(', ')}`);
  return lines;
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function renderValidationText(report: ValidationReport): string {
  const lines: string[] = [`Extracts checked as at ${report.asAt}`, ''];
  for (const x of report.extracts) {
    if (x.status === 'absent' || x.source === null) {
      lines.push(`${x.name}: not supplied`, '');
      continue;
    }
    const line = lineWord(x.source);
    lines.push(`${x.name}: ${sourceText(x.source)} — ${STATUS_TEXT[x.status]}`);
    if (x.error) {
      lines.push(`  ${x.error.at.line ? `${line} ${x.error.at.line}: ` : ''}${x.error.code}: ${problemText(x.error)}`, '');
      continue;
    }
    const p = x.provenance!;
    lines.push(`  ${readAsText(p)}, ${formatCount(p.bytes)} bytes, SHA-256 ${p.sha256}`);
    lines.push(...describeColumns(x));
    const r = x.rows!;
    lines.push(
      `  Rows: ${formatCount(r.read)} read = ${formatCount(r.valid)} valid + ${formatCount(r.rejected)} rejected + ${formatCount(r.duplicate)} duplicate` +
        (p.blankLines ? ` (${formatCount(p.blankLines)} blank ${line}${p.blankLines === 1 ? '' : 's'} skipped)` : ''),
    );
    for (const w of x.warnings) lines.push(`  Warning, ${line} ${w.at.line}: ${w.code}: ${problemText(w)}`);
    if (x.problems.length) {
      const table = new Table({
        head: [capital(line), 'Column', 'Header', 'Code', 'Value', 'Problem'],
        style: { head: [], border: [], compact: true },
        wordWrap: true,
        colWidths: [null, null, null, null, 24, 72],
      });
      for (const p of x.problems) {
        const { line: at, column } = p.at;
        table.push([String(at), column ? columnLetter(column) : '', p.header, p.code, p.value.length > 60 ? `${p.value.slice(0, 60)}…` : p.value, problemText(p)]);
      }
      lines.push(table.toString());
    }
    if (x.duplicates.length) {
      const shown = x.duplicates.slice(0, 10).map((d) => `${line} ${d.line} repeats ${line} ${d.firstLine}`);
      lines.push(`  Duplicates dropped: ${shown.join('; ')}${x.duplicates.length > 10 ? `; and ${x.duplicates.length - 10} more` : ''}`);
    }
    lines.push('');
  }
  for (const w of report.workbooks) {
    lines.push(`Workbook ${w.path}: ${formatCount(w.bytes)} bytes, SHA-256 ${w.sha256}`);
    for (const sheet of w.sheets) {
      const rows = `${formatCount(sheet.rows)} row${sheet.rows === 1 ? '' : 's'}`;
      lines.push(`  ${sheet.name}: ${sheetUseText(sheet)}${sheet.headerRow ? `, ${rows}` : ''}`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

export function renderValidationCsv(report: ValidationReport): string {
  let out = csvLine(['extract', 'file', 'line', 'column', 'header', 'field', 'code', 'value', 'message']);
  for (const x of report.extracts) {
    const file = x.source === null ? null : sourceText(x.source);
    if (x.error) out += csvLine([x.name, file, x.error.at.line || null, null, null, null, x.error.code, null, problemText(x.error)]);
    for (const w of x.warnings) out += csvLine([x.name, file, w.at.line, null, null, null, w.code, null, problemText(w)]);
    for (const p of x.problems) {
      const { line, column } = p.at;
      out += csvLine([x.name, file, line, column ? columnLetter(column) : null, p.header, p.field, p.code, p.value, problemText(p)]);
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
        report.extracts.map((x) => {
          const p = x.provenance;
          return [
            x.name,
            {
              path: x.source?.path ?? null,
              ...(x.source?.kind === 'sheet' ? { sheet: x.source.sheet } : {}),
              status: x.status,
              error: x.error && { code: x.error.code, line: x.error.at.line, message: problemText(x.error) },
              encoding: p?.kind === 'csv' ? readAsText(p) : null,
              bytes: p?.bytes ?? null,
              sha256: p?.sha256 ?? null,
              columns: x.columns.map((c) => ({
                field: c.field,
                required: c.required,
                column: c.found?.letter ?? null,
                header: c.found?.header ?? null,
                // Only for a column the sheet lacks whose value its list gives every row.
                ...(c.given ? { given: true } : {}),
              })),
              ignored: x.ignored,
              rows: x.rows,
              blankLines: p?.blankLines ?? 0,
              problems: x.problems.map((r) => ({
                code: r.code,
                line: r.at.line,
                column: r.at.column ? columnLetter(r.at.column) : null,
                header: r.header || null,
                field: r.field || null,
                value: r.value,
                message: problemText(r),
              })),
              duplicates: x.duplicates.map((d) => ({ line: d.line, firstLine: d.firstLine })),
              warnings: x.warnings.map((w) => ({ code: w.code, line: w.at.line, message: problemText(w) })),
            },
          ];
        }),
      ),
      // Only when workbooks were read: the report of CSV files alone is as it was.
      ...(report.workbooks.length === 0
        ? {}
        : {
            workbooks: report.workbooks.map((w) => ({
              path: w.path,
              bytes: w.bytes,
              sha256: w.sha256,
              sheets: w.sheets.map((s) => ({
                name: s.name,
                headerRow: s.headerRow || null,
                rows: s.rows,
                use: s.use.kind,
                extract: s.use.kind === 'extract' || s.use.kind === 'not-used-yet' ? s.use.extract : null,
                ...(s.use.kind === 'extract' && Object.keys(s.use.fixed).length ? { fixed: s.use.fixed } : {}),
                note: sheetUseText(s),
              })),
            })),
          }),
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
