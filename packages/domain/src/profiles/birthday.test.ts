import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  birthdayFacts,
  birthdayInput,
  birthdayNotInFuture,
  birthdayOf,
  daysInMonth,
  isBirthdayInFuture,
  isLeapYear,
  isTimeZone,
  type LocalDate,
  refineBirthday,
  birthdayFields,
  todayIn,
} from './birthday.ts';
import { issuePaths, issues } from './zod-issues.testing.ts';

const date = (text: string): LocalDate => {
  const [year, month, day] = text.split('-').map(Number);
  return { year: year!, month: month!, day: day! };
};

describe('isLeapYear and daysInMonth', () => {
  it('follow the Gregorian rules', () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(null, 2)).toBe(29);
    expect(daysInMonth(null, 4)).toBe(30);
    expect(daysInMonth(null, 12)).toBe(31);
  });
});

describe('birthdayInput', () => {
  it('accepts a full date, a year alone, a month alone, a month and day, or nothing', () => {
    for (const value of [
      { birthYear: 1990, birthMonth: 5, birthDay: 1 },
      { birthYear: 1990 },
      { birthMonth: 5 },
      { birthYear: 1990, birthMonth: 5 },
      { birthMonth: 2, birthDay: 29 },
      { birthYear: null, birthMonth: null, birthDay: null },
      {},
    ]) {
      expect(birthdayInput.safeParse(value).success).toBe(true);
    }
  });

  it('refuses a day without a month, at birthMonth', () => {
    expect(issues(birthdayInput.safeParse({ birthDay: 12 }))).toEqual([
      { path: 'birthMonth', message: 'Birth month is required with a birth day' },
    ]);
    expect(issuePaths(birthdayInput.safeParse({ birthYear: 1990, birthMonth: null, birthDay: 12 }))).toEqual([
      'birthMonth',
    ]);
  });

  it('refuses a day the month does not have, at birthDay', () => {
    expect(issues(birthdayInput.safeParse({ birthMonth: 4, birthDay: 31 }))).toEqual([
      { path: 'birthDay', message: 'April has 30 days' },
    ]);
    expect(issuePaths(birthdayInput.safeParse({ birthMonth: 2, birthDay: 30 }))).toEqual(['birthDay']);
  });

  it('accepts 29 February in a leap year or without a year, and refuses it in another year', () => {
    expect(birthdayInput.safeParse({ birthYear: 2000, birthMonth: 2, birthDay: 29 }).success).toBe(true);
    expect(birthdayInput.safeParse({ birthMonth: 2, birthDay: 29 }).success).toBe(true);
    expect(issues(birthdayInput.safeParse({ birthYear: 1900, birthMonth: 2, birthDay: 29 }))).toEqual([
      { path: 'birthDay', message: '1900 is not a leap year: it has no 29 February' },
    ]);
  });

  it('refuses values out of range or not whole, each at its own field only', () => {
    expect(issuePaths(birthdayInput.safeParse({ birthYear: 1849 }))).toEqual(['birthYear']);
    expect(issuePaths(birthdayInput.safeParse({ birthYear: 10000 }))).toEqual(['birthYear']);
    expect(issuePaths(birthdayInput.safeParse({ birthMonth: 13, birthDay: 31 }))).toEqual(['birthMonth']);
    expect(issuePaths(birthdayInput.safeParse({ birthMonth: 0 }))).toEqual(['birthMonth']);
    expect(issuePaths(birthdayInput.safeParse({ birthMonth: 1, birthDay: 32 }))).toEqual(['birthDay']);
    expect(issuePaths(birthdayInput.safeParse({ birthMonth: 1.5, birthDay: 2 }))).toEqual(['birthMonth']);
    expect(issuePaths(birthdayInput.safeParse({ birthMonth: '5', birthDay: 2 }))).toEqual(['birthMonth']);
  });

  it('accepts exactly the dates a calendar has', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 1850, max: 9999 })),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (birthYear, birthMonth, birthDay) => {
          const year = birthYear ?? 2000; // a leap year stands for "any year"
          const exists = new Date(Date.UTC(year, birthMonth - 1, birthDay)).getUTCDate() === birthDay;
          expect(birthdayInput.safeParse({ birthYear, birthMonth, birthDay }).success).toBe(exists);
        },
      ),
    );
  });

  it('can check the fields inside a larger object', () => {
    const schema = z.object({ name: z.string(), ...birthdayFields }).superRefine(refineBirthday);
    expect(issuePaths(schema.safeParse({ name: 'Ada', birthMonth: 6, birthDay: 31 }))).toEqual(['birthDay']);
  });
});

describe('birthdayNotInFuture', () => {
  const today = date('2024-06-15');
  const schema = z.object(birthdayFields).superRefine(birthdayNotInFuture(today));

  it('refuses a birthday after today at the field that puts it there', () => {
    expect(issues(schema.safeParse({ birthYear: 2025 }))).toEqual([
      { path: 'birthYear', message: 'Birthday must not be in the future' },
    ]);
    expect(issuePaths(schema.safeParse({ birthYear: 2024, birthMonth: 7, birthDay: 1 }))).toEqual([
      'birthMonth',
    ]);
    expect(issuePaths(schema.safeParse({ birthYear: 2024, birthMonth: 6, birthDay: 16 }))).toEqual([
      'birthDay',
    ]);
  });

  it('accepts today, the past, and any birthday without a year', () => {
    expect(schema.safeParse({ birthYear: 2024, birthMonth: 6, birthDay: 15 }).success).toBe(true);
    expect(schema.safeParse({ birthYear: 2024, birthMonth: 6 }).success).toBe(true);
    expect(schema.safeParse({ birthYear: 2024 }).success).toBe(true);
    expect(schema.safeParse({ birthMonth: 12, birthDay: 31 }).success).toBe(true);
    expect(isBirthdayInFuture({ birthYear: 1990, birthMonth: 12, birthDay: 31 }, today)).toBe(false);
  });
});

describe('birthdayOf', () => {
  it('needs a month and a day', () => {
    expect(birthdayOf({ birthYear: 1990, birthMonth: 5, birthDay: 1 })).toEqual({
      year: 1990,
      month: 5,
      day: 1,
    });
    expect(birthdayOf({ birthMonth: 5, birthDay: 1 })).toEqual({ year: null, month: 5, day: 1 });
    expect(birthdayOf({ birthYear: 1990, birthMonth: 5 })).toBeUndefined();
  });
});

describe('birthdayFacts', () => {
  it('counts the days to a birthday later this year; none have passed since it', () => {
    expect(birthdayFacts({ year: 1990, month: 5, day: 1 }, date('2024-04-29'))).toEqual({
      birthDate: '1990-05-01',
      nextBirthday: '2024-05-01',
      daysUntilBirthday: 2,
      daysSinceBirthday: null,
    });
  });

  it('gives 0 and 0 on the day itself', () => {
    expect(birthdayFacts({ year: null, month: 5, day: 1 }, date('2024-05-01'))).toEqual({
      birthDate: null,
      nextBirthday: '2024-05-01',
      daysUntilBirthday: 0,
      daysSinceBirthday: 0,
    });
  });

  it('counts to next year once this year’s birthday has passed, and the days since it', () => {
    expect(birthdayFacts({ year: 1990, month: 5, day: 1 }, date('2024-05-03'))).toEqual({
      birthDate: '1990-05-01',
      nextBirthday: '2025-05-01',
      daysUntilBirthday: 363,
      daysSinceBirthday: 2,
    });
  });

  it('crosses from 31 December to 1 January', () => {
    expect(birthdayFacts({ year: null, month: 1, day: 1 }, date('2024-12-31'))).toMatchObject({
      nextBirthday: '2025-01-01',
      daysUntilBirthday: 1,
      daysSinceBirthday: 365,
    });
    expect(birthdayFacts({ year: null, month: 12, day: 31 }, date('2025-01-01'))).toMatchObject({
      nextBirthday: '2025-12-31',
      daysUntilBirthday: 364,
      daysSinceBirthday: null,
    });
  });

  it('counts across 29 February in a leap year', () => {
    expect(birthdayFacts({ year: null, month: 3, day: 1 }, date('2024-02-28'))).toMatchObject({
      daysUntilBirthday: 2,
    });
    expect(birthdayFacts({ year: null, month: 3, day: 1 }, date('2023-02-28'))).toMatchObject({
      daysUntilBirthday: 1,
    });
  });

  it('celebrates 29 February on 28 February in a year without one', () => {
    const leapling = { year: 2000, month: 2, day: 29 };
    expect(birthdayFacts(leapling, date('2023-02-27'))).toEqual({
      birthDate: '2000-02-29',
      nextBirthday: '2023-02-28',
      daysUntilBirthday: 1,
      daysSinceBirthday: null,
    });
    expect(birthdayFacts(leapling, date('2023-02-28'))).toMatchObject({
      daysUntilBirthday: 0,
      daysSinceBirthday: 0,
    });
    expect(birthdayFacts(leapling, date('2023-03-01'))).toMatchObject({
      nextBirthday: '2024-02-29',
      daysUntilBirthday: 365,
      daysSinceBirthday: 1,
    });
    expect(birthdayFacts(leapling, date('2024-02-29'))).toMatchObject({
      nextBirthday: '2024-02-29',
      daysUntilBirthday: 0,
      daysSinceBirthday: 0,
    });
    expect(birthdayFacts(leapling, date('2024-03-01'))).toMatchObject({
      nextBirthday: '2025-02-28',
      daysUntilBirthday: 364,
      daysSinceBirthday: 1,
    });
  });

  it('refuses a birthday that does not exist', () => {
    expect(() => birthdayFacts({ year: 2023, month: 2, day: 29 }, date('2024-01-01'))).toThrow(RangeError);
    expect(() => birthdayFacts({ year: null, month: 13, day: 1 }, date('2024-01-01'))).toThrow(RangeError);
  });

  it('agrees with the calendar on any day: the next birthday is ahead by the count, within a year', () => {
    const localDate = fc
      .date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2999-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }));
    const birthday = fc
      .record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
      .filter(({ month, day }) => day <= daysInMonth(null, month));
    fc.assert(
      fc.property(birthday, localDate, ({ month, day }, today) => {
        const facts = birthdayFacts({ year: null, month, day }, today);
        const todayUtc = Date.UTC(today.year, today.month - 1, today.day);
        const next = new Date(todayUtc + facts.daysUntilBirthday * 86_400_000).toISOString().slice(0, 10);
        expect(next).toBe(facts.nextBirthday);
        expect(facts.daysUntilBirthday).toBeGreaterThanOrEqual(0);
        expect(facts.daysUntilBirthday).toBeLessThanOrEqual(365);
        const [, nextMonth, nextDay] = facts.nextBirthday.split('-').map(Number);
        expect(nextMonth).toBe(month);
        expect(nextDay === day || (month === 2 && day === 29 && nextDay === 28)).toBe(true);
        if (facts.daysSinceBirthday === null) {
          expect(facts.nextBirthday.startsWith(String(today.year).padStart(4, '0'))).toBe(true);
        } else {
          const last = new Date(todayUtc - facts.daysSinceBirthday * 86_400_000);
          expect([last.getUTCFullYear(), last.getUTCMonth() + 1]).toEqual([today.year, month]);
          expect(facts.daysSinceBirthday === 0).toBe(facts.daysUntilBirthday === 0);
        }
      }),
    );
  });
});

describe('todayIn', () => {
  const instant = new Date('2024-03-09T23:30:00Z');

  it('gives the calendar day in the zone, either side of midnight UTC', () => {
    expect(todayIn('UTC', instant)).toEqual({ year: 2024, month: 3, day: 9 });
    expect(todayIn('Australia/Sydney', instant)).toEqual({ year: 2024, month: 3, day: 10 });
    expect(todayIn('America/Los_Angeles', new Date('2024-03-10T02:00:00Z'))).toEqual({
      year: 2024,
      month: 3,
      day: 9,
    });
    expect(todayIn('Pacific/Kiritimati', new Date('2024-12-31T10:00:00Z'))).toEqual({
      year: 2025,
      month: 1,
      day: 1,
    });
  });

  it('makes a birthday today in one zone and tomorrow in another at the same instant', () => {
    const birthday = { year: null, month: 3, day: 10 };
    expect(birthdayFacts(birthday, todayIn('Australia/Sydney', instant)).daysUntilBirthday).toBe(0);
    expect(birthdayFacts(birthday, todayIn('Europe/London', instant)).daysUntilBirthday).toBe(1);
  });

  it('throws for a zone it does not know', () => {
    expect(() => todayIn('Mars/Olympus_Mons', instant)).toThrow(RangeError);
  });
});

describe('isTimeZone', () => {
  it('accepts IANA names and refuses offsets and unknown names', () => {
    for (const name of ['UTC', 'Australia/Sydney', 'America/Argentina/Buenos_Aires', 'Etc/GMT+10']) {
      expect(isTimeZone(name)).toBe(true);
    }
    for (const name of ['', '+10:00', 'Mars/Olympus_Mons', 'Australia/', ' UTC']) {
      expect(isTimeZone(name)).toBe(false);
    }
  });
});
