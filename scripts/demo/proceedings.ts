/**
 * proceedings.csv: care proceedings, one row per child; siblings share the
 * court case number, and a sibling is now and then joined to the
 * application a week or more after it was issued. About 8 proceedings end
 * each month, a third of them within 26 weeks. On 28 February 2021, 74
 * are open and 51 of them have run past 26 weeks: 31% on target, as the
 * plan published.
 */
import { type Day, dayFromYmd, formatDay } from '../../src/core/day.js';
import { monthEnd, monthStart, parseMonth } from '../../src/core/period.js';
import { proceedingsDue } from '../../src/measures/proceedings-common.js';
import { careIds } from './children-in-care.js';
import { type Built, type Extract, Mess } from './csv.js';
import { AS_AT } from './settings.js';
import { Rng, check } from './solver.js';
import { TEAM_NAMES, WORKERS } from './story.js';

/** 28 February 2021: proceedings open, and those past 26 weeks. */
const FEBRUARY_2021 = { day: dayFromYmd(2021, 2, 28), open: 74, over: 51 } as const;

interface Row {
  id: string;
  child: string;
  issue: Day;
  end: Day | null;
  worker: string;
}

export function buildProceedings(): Built<Row[]> {
  const rng = new Rng('proceedings');
  const workers = WORKERS.filter((w) => w.team === 'SN' || w.team === 'SS' || w.team === 'CIC').map((w) => w.code);
  const rows: Row[] = [];
  let next = 1;
  const group = (issue: Day, end: Day | null) => {
    const id = rng.chance(0.05) ? '' : `ZW${formatDay(issue).slice(2, 4)}C${String(next++).padStart(5, '0')}`;
    const n = id === '' ? 1 : rng.weighted<number>([[1, 60], [2, 28], [3, 12]]);
    const worker = rng.pick(workers);
    for (let i = 0; i < n; i++) {
      let own = issue;
      if (i > 0 && rng.chance(0.2)) own = Math.min(issue + rng.int(7, 28), end ?? AS_AT, AS_AT);
      let ownEnd = end;
      if (i > 0 && rng.chance(0.15)) ownEnd = end === null ? rng.int(own, AS_AT) : rng.int(own, end);
      rows.push({ id, child: careIds.mint(), issue: own, end: ownEnd, worker });
    }
  };
  const s = FEBRUARY_2021.day;
  // Open on 28 February 2021: issued by 30 August 2020 (past 26 weeks on S) or later.
  const lastOver = s - proceedingsDue(0).due - 1;
  for (let i = 0; i < FEBRUARY_2021.open; i++) {
    const issue = i < FEBRUARY_2021.over ? rng.int(dayFromYmd(2019, 11, 1), lastOver) : rng.int(lastOver + 1, s - 2);
    group(issue, rng.chance(0.5) ? rng.int(s + 1, AS_AT) : null);
  }
  // Ended by 28 February 2021, April 2020 onwards.
  for (let m = parseMonth('2020-04')!; m <= parseMonth('2021-02')!; m++) {
    const n = rng.int(6, 10);
    for (let i = 0; i < n; i++) {
      const end = rng.int(monthStart(m), monthEnd(m));
      group(end - (rng.chance(0.33) ? rng.int(110, 181) : rng.int(182, 420)), end);
    }
  }
  // Issued since.
  for (let i = 0; i < 14; i++) group(rng.int(s + 1, AS_AT), null);
  check(openAt(rows, s) === FEBRUARY_2021.open, `proceedings: ${openAt(rows, s)} open on 28 February 2021`);
  return { records: rows, write: () => proceedingsExtract(rows) };
}

/** Proceedings (rows by case number) open at the end of day `s`. */
function openAt(rows: readonly Row[], s: Day): number {
  const groups = new Map<string, Row[]>();
  rows.forEach((r, i) => {
    const key = r.id === '' ? `#${i}` : r.id;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  });
  let open = 0;
  for (const g of groups.values()) {
    const issue = Math.min(...g.map((r) => r.issue));
    const ended = g.every((r) => r.end !== null && r.end <= s);
    if (issue <= s && !ended) open++;
  }
  return open;
}

function proceedingsExtract(rows: Row[]): Extract {
  rows.sort((a, b) => a.issue - b.issue || (a.id < b.id ? -1 : a.id > b.id ? 1 : a.child < b.child ? -1 : 1));
  const cells = rows.map((r) => [r.id, r.child, formatDay(r.issue), r.end === null ? '' : formatDay(r.end), r.worker, TEAM_NAMES.CIC]);
  const mess = new Mess('proceedings', cells);
  mess.repeat(1);
  mess.reuseKey((row) => (row[4] = row[4] === workersFirst(cells) ? 'SW000' : workersFirst(cells)));
  return mess.result('proceedings.csv', ['proceedings_id', 'child_id', 'issue_date', 'end_date', 'worker', 'team'], '\n', false);
}

function workersFirst(cells: readonly string[][]): string {
  return cells[0]![4]!;
}
