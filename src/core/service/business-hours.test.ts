import { describe, expect, it } from 'vitest';
import { businessHoursBetween, hoursBetween, isoWeekday, type BusinessCalendar } from './business-hours';
import { localDay, zonedInstant, zoneOffsetMs } from './time-zone';
import { businessTimeline, timelineHours } from './business-timeline';

// Tests run with TZ=Pacific/Chatham (UTC+13:45 / +12:45): none of this may depend on the machine's zone.
const at = (iso: string): number => Date.parse(iso);
const office: BusinessCalendar = { timeZone: 'Europe/Stockholm' };
const allDay: BusinessCalendar = {
  timeZone: 'Europe/Stockholm',
  workingDays: [1, 2, 3, 4, 5, 6, 7],
  opens: '00:00',
  closes: '24:00',
};

describe('wall-clock time in a time zone', () => {
  it('knows Stockholm offsets and local days whatever the machine zone', () => {
    expect(zoneOffsetMs(at('2025-01-15T12:00:00Z'), 'Europe/Stockholm')).toBe(3_600_000);
    expect(zoneOffsetMs(at('2025-07-15T12:00:00Z'), 'Europe/Stockholm')).toBe(7_200_000);
    // 23:30 UTC on 30 June is 01:30 on 1 July in Stockholm and 12:15 on 1 July in Chatham
    expect(localDay(at('2025-06-30T23:30:00Z'), 'Europe/Stockholm')).toBe('2025-07-01');
    expect(localDay(at('2025-06-30T10:00:00Z'), 'UTC')).toBe('2025-06-30');
  });

  it('maps nonexistent local times to the change and repeated ones to their first occurrence', () => {
    // 2025-03-30: clocks go 02:00 CET → 03:00 CEST at 01:00 UTC; 02:30 does not exist.
    expect(zonedInstant('2025-03-30', 150, 'Europe/Stockholm')).toBe(at('2025-03-30T01:00:00Z'));
    expect(zonedInstant('2025-03-30', 180, 'Europe/Stockholm')).toBe(at('2025-03-30T01:00:00Z'));
    expect(zonedInstant('2025-03-30', 60, 'Europe/Stockholm')).toBe(at('2025-03-30T00:00:00Z'));
    // 2025-10-26: clocks go 03:00 CEST → 02:00 CET at 01:00 UTC; 02:30 happens at 00:30 and 01:30 UTC.
    expect(zonedInstant('2025-10-26', 150, 'Europe/Stockholm')).toBe(at('2025-10-26T00:30:00Z'));
    expect(zonedInstant('2025-10-26', 1440, 'Europe/Stockholm')).toBe(at('2025-10-26T23:00:00Z'));
  });

  it('names the bad zone', () => {
    expect(() => localDay(0, 'Mars/Olympus')).toThrow(/"Mars\/Olympus" is not an IANA time zone/);
  });
});

describe('calendar and business hours', () => {
  it('counts calendar hours by default, and refuses negative durations', () => {
    expect(hoursBetween(at('2025-01-01T08:00:00Z'), at('2025-01-02T09:30:00Z'))).toBe(25.5);
    expect(hoursBetween(at('2025-01-02T00:00:00Z'), at('2025-01-01T00:00:00Z'))).toBeNull();
  });

  it('counts a day open around the clock as 23 h and 25 h on the DST days', () => {
    // Sunday 2025-03-30 00:00 CET (23:00 UTC the day before) to Monday 00:00 CEST (22:00 UTC)
    const springStart = at('2025-03-29T23:00:00Z');
    const springEnd = at('2025-03-30T22:00:00Z');
    expect(businessHoursBetween(springStart, springEnd, allDay)).toBe(23);
    expect(hoursBetween(springStart, springEnd)).toBe(23);
    // Sunday 2025-10-26 00:00 CEST (22:00 UTC the day before) to Monday 00:00 CET (23:00 UTC)
    expect(businessHoursBetween(at('2025-10-25T22:00:00Z'), at('2025-10-26T23:00:00Z'), allDay)).toBe(25);
    // Opening 01:00–04:00 on the spring-forward night: 02:00–03:00 never happens → 2 h
    const night: BusinessCalendar = { ...allDay, opens: '01:00', closes: '04:00' };
    expect(businessHoursBetween(at('2025-03-29T12:00:00Z'), at('2025-03-30T12:00:00Z'), night)).toBe(2);
  });

  it('skips the weekend across the spring DST change (Mon–Fri 08:00–17:00)', () => {
    // Friday 2025-03-28 16:00 CET (15:00 UTC) → Monday 2025-03-31 09:00 CEST (07:00 UTC):
    // Friday 16–17 = 1 h, weekend 0 h, Monday 08–09 = 1 h → 2 business hours; 64 calendar hours (65 − 1 lost).
    const start = at('2025-03-28T15:00:00Z');
    const end = at('2025-03-31T07:00:00Z');
    expect(businessHoursBetween(start, end, office)).toBe(2);
    expect(hoursBetween(start, end, office)).toBe(2);
    expect(hoursBetween(start, end)).toBe(64);
  });

  it('skips the weekend across the autumn DST change', () => {
    // Friday 2025-10-24 16:00 CEST (14:00 UTC) → Monday 2025-10-27 09:00 CET (08:00 UTC): 2 business hours,
    // 66 calendar hours (65 on the clock + 1 repeated).
    const start = at('2025-10-24T14:00:00Z');
    const end = at('2025-10-27T08:00:00Z');
    expect(businessHoursBetween(start, end, office)).toBe(2);
    expect(hoursBetween(start, end)).toBe(66);
  });

  it('skips holidays and counts partial days', () => {
    // Thursday 2025-06-19 12:00 CEST → Monday 2025-06-23 12:00 CEST with Midsummer Eve (Fri 20th) closed:
    // Thursday 12–17 = 5 h, Friday 0, weekend 0, Monday 08–12 = 4 h → 9 h; 18 h without the holiday.
    const start = at('2025-06-19T10:00:00Z');
    const end = at('2025-06-23T10:00:00Z');
    expect(businessHoursBetween(start, end, { ...office, holidays: ['2025-06-20'] })).toBe(9);
    expect(businessHoursBetween(start, end, office)).toBe(18);
    // Within one day, 10:30–11:15 → 0.75 h; before opening to after closing → 9 h; a Saturday → 0
    expect(businessHoursBetween(at('2025-06-18T08:30:00Z'), at('2025-06-18T09:15:00Z'), office)).toBe(0.75);
    expect(businessHoursBetween(at('2025-06-18T03:00:00Z'), at('2025-06-18T20:00:00Z'), office)).toBe(9);
    expect(businessHoursBetween(at('2025-06-21T03:00:00Z'), at('2025-06-21T20:00:00Z'), office)).toBe(0);
  });

  it('validates the calendar and knows weekdays', () => {
    expect(isoWeekday('2025-03-30')).toBe(7);
    expect(isoWeekday('2025-03-31')).toBe(1);
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(() => businessHoursBetween(0, 1, { ...office, opens: '8:00' })).toThrow(
      /opens "8:00" is not a time/,
    );
    expect(() => businessHoursBetween(0, 1, { ...office, opens: '18:00' })).toThrow(/not later than/);
  });
});

describe('businessTimeline', () => {
  it('gives businessHoursBetween’s hours for every pair of instants across both DST changes', () => {
    const calendar = {
      timeZone: 'Europe/Stockholm',
      opens: '07:30',
      closes: '18:00',
      workingDays: [1, 2, 3, 4, 5, 6] as const,
      holidays: ['2026-04-03'],
    };
    const instants = [
      '2026-03-26T06:00Z',
      '2026-03-27T15:00Z',
      '2026-03-28T09:00Z',
      '2026-03-30T07:00Z',
      '2026-04-02T16:59Z',
      '2026-04-04T12:00Z',
      '2026-10-23T10:00Z',
      '2026-10-26T11:00Z',
    ].map((d) => Date.parse(d));
    const timeline = businessTimeline(calendar, instants[0]!, instants[instants.length - 1]!);
    for (const a of instants)
      for (const b of instants)
        if (b >= a)
          expect(timelineHours(timeline, a, b)).toBeCloseTo(businessHoursBetween(a, b, calendar), 9);
    // Fri 16:00 CET → Mon 09:00 CEST with Saturday open 07:30–18:00: 2 + 10.5 + 1.5 = 14 h
    expect(timelineHours(timeline, instants[1]!, instants[3]!)).toBe(14);
    expect(timelineHours(timeline, instants[3]!, instants[1]!)).toBeNull();
  });
});
