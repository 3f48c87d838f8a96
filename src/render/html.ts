/**
 * The board report as one self-contained HTML file.
 */
import type { Scorecard } from '../report/scorecard.js';

export function renderHtml(_report: Scorecard): string {
  throw new Error('the HTML report is not available yet');
}
