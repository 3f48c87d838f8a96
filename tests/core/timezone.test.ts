/**
 * SPEC §1: results must not change with the machine's time zone. Each zone run
 * loads fresh copies of the modules (so no memoised answer from another zone
 * can hide a difference) and must match a UTC run exactly.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const ZONES = ['Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/London', 'Asia/Kolkata'] as const;

/** January offsets (minutes, as getTimezoneOffset reports them) prove the zone took effect. */
const JANUARY_OFFSET: Record<(typeof ZONES)[number] | 'UTC', number> = {
  'Pacific/Kiritimati': -14 * 60,
  'America/Los_Angeles': 8 * 60,
  'Europe/London': 0,
  'Asia/Kolkata': -330,
  UTC: 0,
};

const DATE_CELLS = [
  '2021-01-05',
  '2021-01-05T23:59:59-08:00',
  '2021-01-05T00:00:00+14:00',
  '2021-03-28T01:30:00Z', // the UK clocks go forward that night
  '31/10/2021 01:30', // and back
  '05/01/2021 14:05',
  '29-Feb-2020',
  '1 Jan 1900',
  '31.12.2099 23:59:59.999',
  '05/01/21',
  '29/02/2021',
  '44197',
];

async function snapshot(): Promise<unknown> {
  vi.resetModules();
  const day = await import('../../src/core/day.js');
  const { WorkingCalendar, bankHolidays } = await import('../../src/core/calendar.js');
  const { parseDate } = await import('../../src/normalise/parse-date.js');

  const holidays: Record<string, string[]> = {};
  for (const region of ['england-and-wales', 'scotland', 'northern-ireland'] as const) {
    for (const year of [1995, 2000, 2019, 2020, 2021, 2022, 2023, 2024, 2030]) {
      holidays[`${region} ${year}`] = [...bankHolidays(region, year).entries()]
        .sort(([a], [b]) => a - b)
        .map(([d, name]) => `${day.formatDay(d)} ${name}`);
    }
  }

  const months: string[] = [];
  const starts = ['2020-01-31', '2020-02-29', '2020-03-29', '2020-05-31', '2020-10-25', '2021-03-28', '1969-12-31', '2099-12-31'];
  for (const s of starts) {
    for (const n of [-13, -1, 0, 1, 2, 7, 9, 12, 25]) months.push(`${s} ${n} ${day.formatDay(day.addMonths(day.parseIsoDay(s)!, n))}`);
  }

  const working: string[] = [];
  const cal = new WorkingCalendar({ region: 'england-and-wales', bankHolidays: true, closures: [] });
  const sct = new WorkingCalendar({ region: 'scotland', bankHolidays: true, closures: [] });
  for (let d = day.dayFromYmd(2019, 12, 20); d <= day.dayFromYmd(2023, 1, 10); d += 3) {
    working.push(`${day.formatDay(d)} ${day.formatDay(cal.addWorkingDays(d, 1))} ${day.formatDay(cal.addWorkingDays(d, 45))} ${day.formatDay(sct.addWorkingDays(d, 10))}`);
  }

  const parsed = DATE_CELLS.map((t) => `${t} => ${String(parseDate(t))}`);
  return { holidays, months, working, parsed };
}

describe('results do not depend on TZ', () => {
  const saved = process.env.TZ;
  let utc: unknown;

  function setZone(zone: string): void {
    process.env.TZ = zone;
  }

  beforeAll(async () => {
    setZone('UTC');
    expect(new Date(2021, 0, 1).getTimezoneOffset()).toBe(JANUARY_OFFSET.UTC);
    utc = await snapshot();
  });

  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
    vi.resetModules();
  });

  it('the UTC run has the expected facts', () => {
    const u = utc as { holidays: Record<string, string[]>; months: string[]; parsed: string[] };
    expect(u.holidays['england-and-wales 2020']).toContain('2020-12-28 Boxing Day (substitute day)');
    expect(u.holidays['england-and-wales 2020']?.some((h) => h.startsWith('2020-05-08 '))).toBe(true);
    expect(u.months).toContain('2020-05-31 9 2021-02-28');
    expect(u.parsed).toContain('05/01/21 => two-digit-year');
  });

  it.each(ZONES)('TZ=%s gives the same results as UTC', async (zone) => {
    setZone(zone);
    try {
      // Node re-reads TZ when it is assigned; prove it did.
      expect(new Date(2021, 0, 1).getTimezoneOffset()).toBe(JANUARY_OFFSET[zone]);
      expect(await snapshot()).toEqual(utc);
    } finally {
      setZone('UTC');
    }
  });
});
