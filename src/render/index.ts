/**
 * Renderers by format name. Each turns the one report model into text.
 */
import type { Scorecard } from '../report/scorecard.js';
import { renderCsv } from './csv.js';
import { renderJson } from './json.js';
import { renderTable } from './table.js';

export interface RenderOptions {
  readonly colour: boolean;
}

export const SCORECARD_FORMATS = {
  table: (report: Scorecard, options: RenderOptions) => renderTable(report, options),
  json: (report: Scorecard) => renderJson(report),
  csv: (report: Scorecard) => renderCsv(report),
} as const;

export type ScorecardFormat = keyof typeof SCORECARD_FORMATS;

export function isScorecardFormat(name: string): name is ScorecardFormat {
  return Object.hasOwn(SCORECARD_FORMATS, name);
}
