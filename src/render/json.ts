/**
 * The JSON scorecard, serialised. Its shape (schema version, inputs,
 * results) is built in src/report/scorecard-json.ts, shared with the run
 * manifest.
 */
import type { Scorecard } from '../report/scorecard.js';
import { scorecardJson } from '../report/scorecard-json.js';

export function renderJson(report: Scorecard): string {
  return `${JSON.stringify(scorecardJson(report), null, 2)}\n`;
}
