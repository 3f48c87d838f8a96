/**
 * Care leavers: who is in the measures at S and what their latest record says.
 *
 * A young person (child_id) is in the measures at S when they have a care
 * leaver record dated on or before S and their age at S, from the date of
 * birth on their latest such record, is within the band (19 to 21 inclusive
 * by default; configurable). The latest record is the one with the latest
 * record_date; on equal dates the later line wins. This is the young
 * person's *current* activity, not the DfE statistic taken around their
 * birthday.
 *
 * Activity is an SSDA903 OC3 code, with or without its text (`F1`,
 * `F1: Full time in higher education`): F1-F5 and P1-P5 are in education,
 * employment or training (F3/P3 the older training-or-employment codes),
 * G4-G6 not; `0`, blank or any other value is not known, and still counts
 * in the denominator.
 */
import { ageAt, type Day } from '../core/day.js';
import type { CareLeaver } from '../normalise/extracts.js';
import type { Records } from '../normalise/table.js';
import { perChild } from './cla-common.js';
import { iso } from './common.js';
import { childIndex } from './indexes.js';
import { defineSettings, type RulesOf, setting } from './settings.js';
import type { Detail, MeasureContext, MeasureData, Outcomes } from './types.js';
import { need } from './types.js';
import { z } from 'zod';

const age = z.number().int().min(0).max(30);

/** The `careLeavers:` section of the configuration: the age band of the care leaver measures. */
export const careLeaverSettings = defineSettings({
  key: 'careLeavers',
  settings: {
    ageFrom: setting(age, { default: 19, comment: ['Youngest age (at the month end) counted by the care leaver measures.'] }),
    ageTo: setting(age, { default: 21, comment: ['Oldest age counted (inclusive).'] }),
  },
  rules: (values) => ({ careLeaverAgeFrom: values.ageFrom, careLeaverAgeTo: values.ageTo }),
});

export type CareLeaverRules = RulesOf<typeof careLeaverSettings>;

/** What an OC3 activity code says. */
export type Activity = 'eet' | 'neet' | 'not-known';

const EET = new Set(['F1', 'P1', 'F2', 'P2', 'F3', 'P3', 'F4', 'P4', 'F5', 'P5']);
const NEET = new Set(['G4', 'G5', 'G6']);
const LEADING_CODE = /^([A-Z]\d|0)(?![0-9A-Z])/;

/**
 * The activity an OC3 cell says: the code at its start, with or without text after it.
 * @example activityOf('F1: Full time in higher education') //=> 'eet'
 * @example activityOf('g6') //=> 'neet'
 * @example activityOf('0') //=> 'not-known'
 */
export function activityOf(cell: string | null): Activity {
  if (cell === null) return 'not-known';
  const m = LEADING_CODE.exec(cell.trim().toUpperCase());
  if (!m) return 'not-known';
  const code = m[1]!;
  return EET.has(code) ? 'eet' : NEET.has(code) ? 'neet' : 'not-known';
}

/**
 * Each young person's latest record on or before S, in order of their first
 * record in the file; `lines` every line of theirs dated on or before S.
 */
export function latestRecords(records: Records<CareLeaver>, s: Day): { record: CareLeaver; lines: number[] }[] {
  const { child, start, rows } = childIndex(records);
  const out: { record: CareLeaver; lines: number[] }[] = [];
  for (let k = 0; k < child.size; k++) {
    let latest: CareLeaver | null = null;
    const lines: number[] = [];
    for (let i = start[k]!; i < start[k + 1]!; i++) {
      const r = records.get(rows[i]!);
      if (r.recordDate > s) continue;
      lines.push(r.line);
      // Rows are in file order: on the same date, the later line wins.
      if (latest === null || r.recordDate >= latest.recordDate) latest = r;
    }
    if (latest !== null) out.push({ record: latest, lines });
  }
  return out;
}

/** Shared walk for the care leaver measures: each young person in the band at S, judged on their latest record. */
export function evaluateCareLeavers(
  data: MeasureData,
  context: MeasureContext<CareLeaverRules>,
  out: Outcomes,
  judge: (latest: CareLeaver) => { met: boolean; detail: Detail },
): void {
  const records = need(data, 'care_leavers');
  const { careLeaverAgeFrom: from, careLeaverAgeTo: to } = context.rules;
  out.from('care_leavers');
  out.periods.forEach((period, p) => {
    const s = period.snapshot;
    for (const { record, lines } of latestRecords(records, s)) {
      const counted = perChild(record, lines);
      const years = ageAt(record.dateOfBirth, s);
      if (years < from || years > to) {
        if (out.observingSkipped) out.skip(p, counted, 'outside-age-band', { date_of_birth: iso(record.dateOfBirth), age: years });
        continue;
      }
      const verdict = judge(record);
      const detail = out.observing ? { record_date: iso(record.recordDate), date_of_birth: iso(record.dateOfBirth), age: years, ...verdict.detail } : undefined;
      if (verdict.met) out.met(p, counted, detail);
      else out.notMet(p, counted, detail);
    }
  });
}
