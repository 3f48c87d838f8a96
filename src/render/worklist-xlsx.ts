/**
 * The worklist as an Excel workbook: one sheet per team (per worker with
 * --by worker), overdue items first as in every view, then a "Worklist"
 * sheet with the as-at date, the window and the kinds not listed. Text from
 * the extracts is always a plain string cell, never a formula; dates are
 * date cells; the bytes depend on the worklist only (stamped with as-at).
 */
import ExcelJS from 'exceljs';
import { formatDay, formatDayLong } from '../core/day.js';
import { describeDuration } from '../core/duration.js';
import type { Grouping } from '../measures/types.js';
import { groupItems, type Worklist } from '../report/worklist.js';
import { groupName } from './worklist.js';
import { withFixedZipTimestamps } from './zip-timestamps.js';

const MS_PER_DAY = 86_400_000;
const MAX_SHEET_NAME = 31;
const DATE_FORMAT = 'd mmm yyyy';
const ABOUT_SHEET = 'Worklist';

/** Sheet names: Excel's forbidden characters replaced, 31 characters at most, unique without regard to case. */
export function sheetNames(names: readonly string[]): string[] {
  const taken = new Set<string>([ABOUT_SHEET.toLowerCase()]);
  return names.map((name) => {
    const clean = name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').trim() || '_';
    let candidate = clean.slice(0, MAX_SHEET_NAME);
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      candidate = clean.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

const HEAD = ['Status', 'Kind', 'Child', 'Key', 'Team', 'Worker', 'Clock started', 'On', 'Due', 'Working days left', 'Rule'];

export function buildWorklistWorkbook(list: Worklist): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const stamp = new Date(list.asAt * MS_PER_DAY);
  wb.creator = list.generator.name;
  wb.lastModifiedBy = list.generator.name;
  wb.created = stamp;
  wb.modified = stamp;
  wb.title = `Worklist at ${formatDay(list.asAt)}`;

  const about = wb.addWorksheet(ABOUT_SHEET);
  about.addRow([`Worklist at ${formatDayLong(list.asAt)}: overdue, or due by ${formatDayLong(list.windowEnd)} (within ${describeDuration(list.within)})`]);
  about.addRow([`Kinds: ${list.kinds.map((k) => k.id).join(', ')}`]);
  for (const n of list.notAvailable) about.addRow([`Not listed: ${n.kind}: ${n.reason}`]);
  if (list.pseudonymised) about.addRow(['Child identifiers and record keys are pseudonymised.']);
  about.addRow(['Child identifiers are personal data.']);
  about.getColumn(1).width = 100;

  const by: Grouping = list.by ?? 'team';
  const groups = groupItems(list.items, by);
  const names = sheetNames(groups.map((g) => groupName(g.name, by)));
  groups.forEach((group, g) => {
    const ws = wb.addWorksheet(names[g]!);
    ws.addRow([groupName(group.name, by)]).font = { bold: true };
    const head = ws.addRow(HEAD);
    head.font = { bold: true };
    const ordered = [...group.items.filter((i) => i.overdue), ...group.items.filter((i) => !i.overdue)];
    for (const i of ordered) {
      const row = ws.addRow([
        i.overdue ? 'Overdue' : 'Due',
        i.kind,
        i.childId ?? '',
        i.key,
        i.team ?? '',
        i.worker ?? '',
        i.clockEvent,
        new Date(i.clockDate * MS_PER_DAY),
        new Date(i.due * MS_PER_DAY),
        i.workingDaysLeft,
        i.rule,
      ]);
      row.getCell(8).numFmt = DATE_FORMAT;
      row.getCell(9).numFmt = DATE_FORMAT;
      if (i.overdue) row.font = { bold: true };
    }
    [9, 9, 12, 12, 20, 10, 16, 12, 12, 10, 60].forEach((w, c) => (ws.getColumn(c + 1).width = w));
    ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 2 }];
  });
  return wb;
}

export async function renderWorklistXlsx(list: Worklist): Promise<Uint8Array> {
  const buffer = await buildWorklistWorkbook(list).xlsx.writeBuffer();
  return withFixedZipTimestamps(new Uint8Array(buffer), list.asAt);
}
