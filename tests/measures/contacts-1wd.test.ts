import { describe, expect, it } from 'vitest';
import { contacts1wd } from '../../src/measures/contacts-1wd.js';
import { type CalendarInput, contact, type ContactInput, counts, outcome, type RulesInput, run } from '../helpers/records.js';

interface Case {
  readonly name: string;
  readonly contact: ContactInput;
  readonly expected: 'met' | 'not-met' | 'excluded:pending';
  readonly asAt?: string;
  readonly rules?: RulesInput;
  readonly calendar?: CalendarInput;
}

const CASES: readonly Case[] = [
  // Weekends: the deadline is the next working day.
  { name: 'Friday contact decided Monday is met', contact: { contactDate: '2021-01-29', decisionDate: '2021-02-01' }, expected: 'met' },
  { name: 'Friday contact decided Tuesday is missed', contact: { contactDate: '2021-01-29', decisionDate: '2021-02-02' }, expected: 'not-met' },
  { name: 'contact decided the same day is met', contact: { contactDate: '2021-01-27', decisionDate: '2021-01-27' }, expected: 'met' },
  { name: 'Wednesday contact decided Thursday is met', contact: { contactDate: '2021-01-27', decisionDate: '2021-01-28' }, expected: 'met' },
  { name: 'Wednesday contact decided Friday is missed', contact: { contactDate: '2021-01-27', decisionDate: '2021-01-29' }, expected: 'not-met' },
  { name: 'Saturday contact is due Monday (met)', contact: { contactDate: '2021-01-30', decisionDate: '2021-02-01' }, expected: 'met' },
  { name: 'Saturday contact decided Tuesday is missed', contact: { contactDate: '2021-01-30', decisionDate: '2021-02-02' }, expected: 'not-met' },
  { name: 'Sunday contact is due Monday (met)', contact: { contactDate: '2021-01-31', decisionDate: '2021-02-01' }, expected: 'met' },
  { name: 'Sunday contact decided Tuesday is missed', contact: { contactDate: '2021-01-31', decisionDate: '2021-02-02' }, expected: 'not-met' },
  // Bank holidays.
  {
    name: 'Christmas 2020: Thu 24 Dec decided Tue 29 Dec is met (25 and 28 Dec are bank holidays)',
    contact: { contactDate: '2020-12-24', decisionDate: '2020-12-29' },
    expected: 'met',
  },
  {
    name: 'Christmas 2020: Thu 24 Dec decided Wed 30 Dec is missed',
    contact: { contactDate: '2020-12-24', decisionDate: '2020-12-30' },
    expected: 'not-met',
  },
  {
    name: 'Christmas 2020 with bank holidays switched off: due Fri 25 Dec, so Mon 28 Dec is missed',
    contact: { contactDate: '2020-12-24', decisionDate: '2020-12-28' },
    calendar: { bankHolidays: false },
    expected: 'not-met',
  },
  {
    name: 'Christmas 2020 with bank holidays switched off: Fri 25 Dec is met',
    contact: { contactDate: '2020-12-24', decisionDate: '2020-12-25' },
    calendar: { bankHolidays: false },
    expected: 'met',
  },
  {
    name: 'Easter 2021: Thu 1 Apr is due Tue 6 Apr (met)',
    contact: { contactDate: '2021-04-01', decisionDate: '2021-04-06' },
    expected: 'met',
  },
  {
    name: 'Easter 2021: Thu 1 Apr decided Wed 7 Apr is missed',
    contact: { contactDate: '2021-04-01', decisionDate: '2021-04-07' },
    expected: 'not-met',
  },
  {
    name: 'Easter 2021: Thu 1 Apr decided Mon 5 Apr (Easter Monday) is met',
    contact: { contactDate: '2021-04-01', decisionDate: '2021-04-05' },
    expected: 'met',
  },
  {
    name: 'VE day 2020: Thu 7 May is due Mon 11 May (Fri 8 May was the moved bank holiday)',
    contact: { contactDate: '2020-05-07', decisionDate: '2020-05-11' },
    expected: 'met',
  },
  {
    name: 'VE day 2020: Thu 7 May decided Tue 12 May is missed',
    contact: { contactDate: '2020-05-07', decisionDate: '2020-05-12' },
    expected: 'not-met',
  },
  {
    name: 'a configured closure day is not a working day',
    contact: { contactDate: '2021-01-29', decisionDate: '2021-02-02' },
    calendar: { closures: ['2021-02-01'] },
    expected: 'met',
  },
  {
    name: 'Scotland: 2 Jan 2020 is a bank holiday, so 31 Dec 2019 is due 3 Jan',
    contact: { contactDate: '2019-12-31', decisionDate: '2020-01-03' },
    calendar: { region: 'scotland' },
    expected: 'met',
  },
  {
    name: 'England: 31 Dec 2019 decided 3 Jan 2020 is missed (2 Jan is a working day)',
    contact: { contactDate: '2019-12-31', decisionDate: '2020-01-03' },
    expected: 'not-met',
  },
  // Undecided contacts.
  {
    name: 'undecided with as-at on the deadline is pending',
    contact: { contactDate: '2021-01-29', decisionDate: null },
    asAt: '2021-02-01',
    expected: 'excluded:pending',
  },
  {
    name: 'undecided with as-at on the contact day is pending',
    contact: { contactDate: '2021-01-29', decisionDate: null },
    asAt: '2021-01-29',
    expected: 'excluded:pending',
  },
  {
    name: 'undecided with as-at the day after the deadline is missed',
    contact: { contactDate: '2021-01-29', decisionDate: null },
    asAt: '2021-02-02',
    expected: 'not-met',
  },
  {
    name: 'undecided over Christmas: as-at Tue 29 Dec is still pending',
    contact: { contactDate: '2020-12-24', decisionDate: null },
    asAt: '2020-12-29',
    expected: 'excluded:pending',
  },
  // Configurable timescale.
  {
    name: 'timescale 2wd: Friday contact decided Tuesday is met',
    contact: { contactDate: '2021-01-29', decisionDate: '2021-02-02' },
    rules: { contacts: { timescale: '2wd' } },
    expected: 'met',
  },
  {
    name: 'timescale 2wd: Friday contact decided Wednesday is missed',
    contact: { contactDate: '2021-01-29', decisionDate: '2021-02-03' },
    rules: { contacts: { timescale: '2wd' } },
    expected: 'not-met',
  },
  {
    name: 'timescale 1d (calendar day): Friday contact decided Saturday is met',
    contact: { contactDate: '2021-01-29', decisionDate: '2021-01-30' },
    rules: { contacts: { timescale: '1d' } },
    expected: 'met',
  },
  {
    name: 'timescale 1d (calendar day): Friday contact decided Monday is missed',
    contact: { contactDate: '2021-01-29', decisionDate: '2021-02-01' },
    rules: { contacts: { timescale: '1d' } },
    expected: 'not-met',
  },
  {
    name: 'timescale 1d: undecided Friday contact is missed once as-at is Sunday',
    contact: { contactDate: '2021-01-29', decisionDate: null },
    rules: { contacts: { timescale: '1d' } },
    asAt: '2021-01-31',
    expected: 'not-met',
  },
  {
    name: 'timescale 0wd: only a same-day decision is met',
    contact: { contactDate: '2021-01-28', decisionDate: '2021-01-29' },
    rules: { contacts: { timescale: '0wd' } },
    expected: 'not-met',
  },
];

function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

describe('contacts_1wd: deadline = addWorkingDays(contact_date, 1)', () => {
  it.each(CASES)('$name', (c) => {
    const record = contact(c.contact);
    const period = monthOf(c.contact.contactDate!);
    const asAt = c.asAt ?? '2021-05-10';
    const options = { from: period, asAt, ...(c.rules ? { rules: c.rules } : {}), ...(c.calendar ? { calendar: c.calendar } : {}) };
    const r = run(contacts1wd, { contacts: [record] }, options);
    expect(outcome(r, record, period)).toBe(c.expected);
    const expectedCounts =
      c.expected === 'met' ? counts(1, 1) : c.expected === 'not-met' ? counts(0, 1) : counts(0, 0, { pending: 1 });
    expect(r.periods[period]).toEqual(expectedCounts);
  });
});

describe('contacts_1wd: periods', () => {
  it('a contact on the last day of a month is in that month, the next day in the next month', () => {
    const jan31 = contact({ contactDate: '2021-01-31', decisionDate: '2021-02-01' });
    const feb1 = contact({ contactDate: '2021-02-01', decisionDate: '2021-02-05' });
    const r = run(contacts1wd, { contacts: [jan31, feb1] }, { from: '2021-01', to: '2021-02' });
    expect(r.periods['2021-01']).toEqual(counts(1, 1));
    expect(r.periods['2021-02']).toEqual(counts(0, 1));
    expect(outcome(r, jan31, '2021-02')).toBe('none');
    expect(outcome(r, feb1, '2021-01')).toBe('none');
  });

  it('a decision made in the next month still counts in the month of contact', () => {
    const c = contact({ contactDate: '2020-12-31', decisionDate: '2021-01-04' });
    const r = run(contacts1wd, { contacts: [c] }, { from: '2020-12', to: '2021-01' });
    expect(r.periods['2020-12']).toEqual(counts(1, 1));
    expect(r.periods['2021-01']).toEqual(counts(0, 0));
  });

  it('contacts outside every period are not reported', () => {
    const before = contact({ contactDate: '2020-12-15', decisionDate: '2020-12-15' });
    const after = contact({ contactDate: '2021-02-15', decisionDate: '2021-02-15' });
    const r = run(contacts1wd, { contacts: [before, after] }, { from: '2021-01' });
    expect(r.periods['2021-01']).toEqual(counts(0, 0));
    expect(r.observations).toHaveLength(0);
  });

  it('a mixed month: met, missed and pending add up', () => {
    const rows = [
      contact({ childId: '1', contactDate: '2021-05-03', decisionDate: '2021-05-04' }), // bank holiday Mon 3 May; due Tue 4
      contact({ childId: '2', contactDate: '2021-05-04', decisionDate: '2021-05-06' }), // due Wed 5: missed
      contact({ childId: '3', contactDate: '2021-05-07', decisionDate: null }), // Fri 7, due Mon 10 = as-at: pending
      contact({ childId: '4', contactDate: '2021-05-06', decisionDate: null }), // Thu 6, due Fri 7 < as-at: missed
      contact({ childId: '5', contactDate: '2021-05-10', decisionDate: '2021-05-10' }), // same day
    ];
    const r = run(contacts1wd, { contacts: rows }, { from: '2021-05', asAt: '2021-05-10' });
    expect(r.periods['2021-05']).toEqual(counts(2, 4, { pending: 1 }));
  });

  it('the May 2021 early bank holiday moves a Friday contact to Tuesday', () => {
    const c = contact({ contactDate: '2021-04-30', decisionDate: '2021-05-04' });
    const r = run(contacts1wd, { contacts: [c] }, { from: '2021-04' });
    expect(outcome(r, c)).toBe('met');
  });
});

describe('contacts_1wd: computability', () => {
  it('is not computable without a contacts extract', () => {
    const r = run(contacts1wd, {}, { from: '2021-01' });
    expect(r.computable).toBe(false);
    expect(r.reason).toMatch(/contacts/);
  });

  it('an empty contacts extract is computable with a zero denominator', () => {
    const r = run(contacts1wd, { contacts: [] }, { from: '2021-01' });
    expect(r.computable).toBe(true);
    expect(r.periods['2021-01']).toEqual(counts(0, 0));
  });
});
