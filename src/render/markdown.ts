/**
 * The scorecard as Markdown, for pasting into papers and wikis.
 */
import type { Scorecard } from '../report/scorecard.js';

export function renderMarkdown(_report: Scorecard): string {
  throw new Error('the Markdown scorecard is not available yet');
}
