/**
 * Renderers by format name. Each turns the one report model into text (or,
 * for workbooks, bytes).
 */
import type { Scorecard } from '../report/scorecard.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';

export interface RenderOptions {
  /** ANSI colour (only for a terminal). */
  readonly colour: boolean;
}

export type Rendered = string | Uint8Array;
export type ScorecardRenderer = (report: Scorecard, options: RenderOptions) => Rendered | Promise<Rendered>;

export const SCORECARD_FORMATS = {
  table: (report, options) => renderTable(report, options),
  json: (report) => renderJson(report),
  csv: (report) => renderCsv(report),
  md: (report) => renderMarkdown(report),
  html: (report) => renderHtml(report),
  // exceljs takes a second to load: only when a workbook is asked for.
  xlsx: async (report) => (await import('./xlsx.js')).renderXlsx(report),
} as const satisfies Record<string, ScorecardRenderer>;

export type ScorecardFormat = keyof typeof SCORECARD_FORMATS;

/** Formats that are bytes, not text: written with --out only. */
export const BINARY_FORMATS: ReadonlySet<string> = new Set(['xlsx']);

export function isScorecardFormat(name: string): name is ScorecardFormat {
  return Object.hasOwn(SCORECARD_FORMATS, name);
}
