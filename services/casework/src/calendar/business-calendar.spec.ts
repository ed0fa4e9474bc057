import {
  addBusinessHours,
  defineCalendar,
  isWithinBusinessHours,
  nextBusinessDayStart,
  outreachDueForContact,
  parseHolidays,
  standardCalendars,
  type BusinessCalendar,
} from './business-calendar';

// 2026: DST starts Sunday 8 March (02:00 EST -> 03:00 EDT), ends Sunday 1 November (02:00 EDT -> 01:00 EST).
// Thanksgiving is Thursday 26 November. Instants are written in UTC; comments give the Eastern wall time.
const THANKSGIVING = '2026-11-26';
const { coaching, advocacy } = standardCalendars([THANKSGIVING]);
const at = (iso: string): Date => new Date(iso);

describe('business calendar', () => {
  describe('addBusinessHours on the coaching calendar (Mon-Fri 9:00-21:00 Eastern)', () => {
    it.each<[string, string, number, string]>([
      ['within one day', '2026-11-23T15:00:00Z' /* Mon 10:00 EST */, 4, '2026-11-23T19:00:00Z' /* Mon 14:00 */],
      ['to the closing minute exactly', '2026-11-23T22:00:00Z' /* Mon 17:00 */, 4, '2026-11-24T02:00:00Z' /* Mon 21:00 */],
      ['a whole day from opening', '2026-11-23T14:00:00Z' /* Mon 09:00 */, 12, '2026-11-24T02:00:00Z' /* Mon 21:00 */],
      ['across an evening', '2026-11-24T00:00:00Z' /* Mon 19:00 */, 4, '2026-11-24T16:00:00Z' /* Tue 11:00 */],
      ['starting in the evening', '2026-11-24T03:00:00Z' /* Mon 22:00 */, 4, '2026-11-24T18:00:00Z' /* Tue 13:00 */],
      ['starting before opening', '2026-11-24T11:00:00Z' /* Tue 06:00 */, 1, '2026-11-24T15:00:00Z' /* Tue 10:00 */],
      ['across a weekend', '2026-11-21T01:00:00Z' /* Fri 20 Nov 20:00 */, 4, '2026-11-23T17:00:00Z' /* Mon 12:00 */],
      ['starting on a Saturday', '2026-11-21T17:00:00Z' /* Sat 12:00 */, 4, '2026-11-23T18:00:00Z' /* Mon 13:00 */],
      ['starting on a Sunday night', '2026-11-23T04:59:00Z' /* Sun 23:59 */, 0.5, '2026-11-23T14:30:00Z' /* Mon 09:30 */],
      ['across a holiday', '2026-11-26T01:00:00Z' /* Wed 20:00 */, 4, '2026-11-27T17:00:00Z' /* Fri 12:00 */],
      ['starting on a holiday', '2026-11-26T15:00:00Z' /* Thanksgiving 10:00 */, 2, '2026-11-27T16:00:00Z' /* Fri 11:00 */],
      ['across a holiday and a weekend', '2026-11-25T14:00:00Z' /* Wed 09:00 */, 36, '2026-12-01T02:00:00Z' /* Mon 21:00 */],
      ['two days of hours from Friday opening', '2026-11-20T14:00:00Z' /* Fri 09:00 */, 24, '2026-11-24T02:00:00Z' /* Mon 21:00 */],
      ['zero hours when open', '2026-11-23T15:00:00Z', 0, '2026-11-23T15:00:00Z'],
      ['zero hours after closing: the next opening', '2026-11-24T03:00:00Z' /* Mon 22:00 */, 0, '2026-11-24T14:00:00Z'],
      ['into daylight time (weekend of 8 March)', '2026-03-07T00:00:00Z' /* Fri 6 Mar 19:00 EST */, 4, '2026-03-09T15:00:00Z' /* Mon 11:00 EDT */],
      ['out of daylight time (weekend of 1 November)', '2026-10-31T00:00:00Z' /* Fri 30 Oct 20:00 EDT */, 2, '2026-11-02T15:00:00Z' /* Mon 10:00 EST */],
      ['the Monday after daylight time starts opens at 09:00 EDT', '2026-03-09T12:00:00Z' /* Mon 08:00 EDT */, 1, '2026-03-09T14:00:00Z'],
      ['the Monday after daylight time ends opens at 09:00 EST', '2026-11-02T13:00:00Z' /* Mon 08:00 EST */, 1, '2026-11-02T15:00:00Z'],
    ])('%s', (_case, from, hours, expected) => {
      expect(addBusinessHours(coaching, at(from), hours).toISOString()).toBe(new Date(expected).toISOString());
    });
  });

  describe('addBusinessHours on the advocacy calendar (Mon-Fri 8:00-24:00 Eastern)', () => {
    it.each<[string, string, number, string]>([
      ['late evening counts', '2026-11-24T04:00:00Z' /* Mon 23:00 */, 2, '2026-11-24T14:00:00Z' /* Tue 09:00 */],
      ['up to midnight exactly', '2026-11-24T03:00:00Z' /* Mon 22:00 */, 2, '2026-11-24T05:00:00Z' /* Mon 24:00 */],
      ['after midnight waits for 08:00', '2026-11-24T06:00:00Z' /* Tue 01:00 */, 1, '2026-11-24T14:00:00Z' /* Tue 09:00 */],
      ['Friday night to Monday', '2026-11-28T04:30:00Z' /* Fri 23:30 */, 1, '2026-11-30T13:30:00Z' /* Mon 08:30 */],
      ['holiday skipped', '2026-11-26T04:00:00Z' /* Wed 23:00 */, 2, '2026-11-27T14:00:00Z' /* Fri 09:00 */],
    ])('%s', (_case, from, hours, expected) => {
      expect(addBusinessHours(advocacy, at(from), hours).toISOString()).toBe(new Date(expected).toISOString());
    });
  });

  it('counts real elapsed hours across a DST change inside open hours (a 23-hour day)', () => {
    const allDay: BusinessCalendar = defineCalendar({
      name: 'advocacy',
      timeZone: 'America/New_York',
      weekdays: new Set([1, 2, 3, 4, 5, 6, 7]),
      opensAt: 0,
      closesAt: 1440,
      holidays: new Set(),
    });
    // Sunday 8 March 2026 00:00 EST has 23 hours: 23 open hours later is Monday 00:00 EDT.
    expect(addBusinessHours(allDay, at('2026-03-08T05:00:00Z'), 23).toISOString()).toBe('2026-03-09T04:00:00.000Z');
    // Sunday 1 November 2026 00:00 EDT has 25 hours.
    expect(addBusinessHours(allDay, at('2026-11-01T04:00:00Z'), 25).toISOString()).toBe('2026-11-02T05:00:00.000Z');
  });

  describe('nextBusinessDayStart', () => {
    it.each<[string, BusinessCalendar, string, string]>([
      ['after hours on a weekday', coaching, '2026-11-24T03:00:00Z' /* Mon 22:00 */, '2026-11-24T14:00:00Z' /* Tue 09:00 */],
      ['during hours: still the next day', coaching, '2026-11-23T15:00:00Z' /* Mon 10:00 */, '2026-11-24T14:00:00Z'],
      ['before opening: the next day, not today', coaching, '2026-11-23T12:00:00Z' /* Mon 07:00 */, '2026-11-24T14:00:00Z'],
      ['Friday night to Monday', coaching, '2026-11-21T03:00:00Z' /* Fri 22:00 */, '2026-11-23T14:00:00Z'],
      ['over a holiday', coaching, '2026-11-26T03:00:00Z' /* Wed 22:00 */, '2026-11-27T14:00:00Z' /* Fri 09:00 */],
      ['Saturday before DST starts', coaching, '2026-03-07T17:00:00Z', '2026-03-09T13:00:00Z' /* Mon 09:00 EDT */],
      ['advocacy, Friday before DST ends', advocacy, '2026-10-31T03:30:00Z' /* Fri 23:30 EDT */, '2026-11-02T13:00:00Z' /* Mon 08:00 EST */],
    ])('%s', (_case, calendar, from, expected) => {
      expect(nextBusinessDayStart(calendar, at(from)).toISOString()).toBe(new Date(expected).toISOString());
    });
  });

  describe('outreachDueForContact (a contact after hours is owed outreach by the next business day)', () => {
    it.each<[string, string, string]>([
      ['a call during hours: by that night', '2026-11-23T19:00:00Z' /* Mon 14:00 */, '2026-11-24T05:00:00Z' /* Mon 24:00 */],
      ['a call before opening: by the end of that day', '2026-11-23T12:00:00Z' /* Mon 07:00 */, '2026-11-24T05:00:00Z'],
      ['a call after midnight Tuesday: by Tuesday night', '2026-11-24T06:00:00Z' /* Tue 01:00 */, '2026-11-25T05:00:00Z'],
      ['a call on Saturday: by Monday night', '2026-11-28T17:00:00Z', '2026-12-01T05:00:00Z'],
      ['a call on the holiday: by Friday night', '2026-11-26T17:00:00Z', '2026-11-28T05:00:00Z'],
    ])('%s', (_case, contactAt, expected) => {
      expect(outreachDueForContact(advocacy, at(contactAt)).toISOString()).toBe(new Date(expected).toISOString());
    });
  });

  describe('isWithinBusinessHours', () => {
    it.each<[string, BusinessCalendar, string, boolean]>([
      ['coaching opening minute', coaching, '2026-11-23T14:00:00Z', true],
      ['coaching closing minute is closed', coaching, '2026-11-24T02:00:00Z', false],
      ['advocacy at 23:59', advocacy, '2026-11-24T04:59:00Z', true],
      ['advocacy at 00:00 Tuesday', advocacy, '2026-11-24T05:00:00Z', false],
      ['holiday', coaching, '2026-11-26T16:00:00Z', false],
      ['Sunday', coaching, '2026-11-22T16:00:00Z', false],
      ['summer time 09:00 EDT', coaching, '2026-07-06T13:00:00Z', true],
      ['summer time 08:59 EDT', coaching, '2026-07-06T12:59:00Z', false],
    ])('%s', (_case, calendar, instant, expected) => {
      expect(isWithinBusinessHours(calendar, at(instant))).toBe(expected);
    });
  });

  describe('definitions and settings', () => {
    it('rejects negative hours', () => {
      expect(() => addBusinessHours(coaching, at('2026-11-23T15:00:00Z'), -1)).toThrow('hours');
    });

    it.each<[string, Partial<BusinessCalendar>]>([
      ['closing before opening', { opensAt: 600, closesAt: 540 }],
      ['closing after midnight', { closesAt: 1500 }],
      ['no weekdays', { weekdays: new Set() }],
      ['weekday 8', { weekdays: new Set([8]) }],
      ['unknown zone', { timeZone: 'Mars/Olympus_Mons' }],
    ])('rejects a calendar with %s', (_case, change) => {
      expect(() => defineCalendar({ ...coaching, ...change })).toThrow();
    });

    it('fails rather than loop for a calendar whose every day is a holiday', () => {
      const closed = defineCalendar({ ...coaching, weekdays: new Set([1]) });
      const everyMonday = new Set(
        Array.from({ length: 600 }, (_, week) => new Date(Date.UTC(2026, 10, 23 + 7 * week)).toISOString().slice(0, 10)),
      );
      expect(() => addBusinessHours({ ...closed, holidays: everyMonday }, at('2026-11-23T15:00:00Z'), 1)).toThrow('no open day');
    });

    it.each<[string, string[] | { failure: string }]>([
      ['2026-11-26, 2026-12-25', ['2026-11-26', '2026-12-25']],
      ['', []],
      ['2026-02-30', { failure: expect.stringContaining('ISO dates') as string }],
      ['26/11/2026', { failure: expect.stringContaining('ISO dates') as string }],
    ])('parses the holiday setting %j', (raw, expected) => {
      expect(parseHolidays(raw)).toEqual(expected);
    });
  });
});
