/**
 * The scorecard as an Excel workbook.
 */
import type { Scorecard } from '../report/scorecard.js';

export async function renderXlsx(_report: Scorecard): Promise<Uint8Array> {
  throw new Error('the Excel workbook is not available yet');
}
