import { z } from 'zod';

/** A day on the calendar, without time or zone: what "today" is somewhere. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** A birthday whose month and day are known; the year may not be. */
export interface Birthday {
  year: number | null;
  month: number;
  day: number;
}

/** Derived values of a birthday on a given day (001: birth_date, next_birthday, birth_days, birth_days_past). */
export interface BirthdayFacts {
  /** `YYYY-MM-DD`, when the year is known. */
  birthDate: string | null;
  /** `YYYY-MM-DD` of the next birthday: today on the day itself. */
  nextBirthday: string;
  /** Days until the next birthday; 0 on the day. */
  daysUntilBirthday: number;
  /** Days since this year's birthday; 0 on the day, null while this year's birthday is still ahead. */
  daysSinceBirthday: number | null;
}

/** The birth date fields of a record, as they are stored and sent. */
export interface BirthdayFieldsValue {
  birthYear?: number | null | undefined;
  birthMonth?: number | null | undefined;
  birthDay?: number | null | undefined;
}

// No clock here, so "not after this year" cannot be a bound: see birthdayNotInFuture.
export const birthYearMin = 1850;
export const birthYearMax = 9999;

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month of a year; with the year unknown, February has 29 (someone may be born on the 29th). */
export function daysInMonth(year: number | null, month: number): number {
  if (month === 2) return year === null || isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * The day a birthday falls on in `year`. Someone born on 29 February celebrates on 28 February in a
 * year without one: the birthday stays in its month and comes before, not after, the day they would
 * have had. Every date and count in this file goes through this function, so the rule holds
 * everywhere.
 */
function birthdayIn(year: number, birthday: Birthday): LocalDate {
  const day = birthday.month === 2 && birthday.day === 29 && !isLeapYear(year) ? 28 : birthday.day;
  return { year, month: birthday.month, day };
}

/** Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function epochDay({ year, month, day }: LocalDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** `YYYY-MM-DD` */
export function formatLocalDate({ year, month, day }: LocalDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isValidBirthday({ year, month, day }: Birthday): boolean {
  return (
    Number.isInteger(month) &&
    month >= 1 &&
    month <= 12 &&
    Number.isInteger(day) &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function birthdayFacts(birthday: Birthday, today: LocalDate): BirthdayFacts {
  if (!isValidBirthday(birthday)) throw new RangeError('birthdayFacts expects a validated birthday');
  const thisYears = birthdayIn(today.year, birthday);
  const daysSinceThisYears = epochDay(today) - epochDay(thisYears);
  const next = daysSinceThisYears > 0 ? birthdayIn(today.year + 1, birthday) : thisYears;
  return {
    birthDate:
      birthday.year === null
        ? null
        : formatLocalDate({ year: birthday.year, month: birthday.month, day: birthday.day }),
    nextBirthday: formatLocalDate(next),
    daysUntilBirthday: epochDay(next) - epochDay(today),
    daysSinceBirthday: daysSinceThisYears >= 0 ? daysSinceThisYears : null,
  };
}

/** The birthday of a record whose month and day are known; undefined otherwise. */
export function birthdayOf(fields: BirthdayFieldsValue): Birthday | undefined {
  const { birthYear, birthMonth, birthDay } = fields;
  if (birthMonth == null || birthDay == null) return undefined;
  return { year: birthYear ?? null, month: birthMonth, day: birthDay };
}

function birthPart(label: string, min: number, max: number) {
  const range = `${label} must be between ${min} and ${max}`;
  return z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(min, range)
    .max(max, range)
    .nullable()
    .optional();
}

/** The birth date fields, each optional; combine them with {@link refineBirthday}. */
export const birthdayFields = {
  birthYear: birthPart('Birth year', birthYearMin, birthYearMax),
  birthMonth: birthPart('Birth month', 1, 12),
  birthDay: birthPart('Birth day', 1, 31),
};

function inRange(value: number | null | undefined, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/**
 * Checks the birth date fields together: a day needs a month, and the day must exist in that
 * month (29 February only in a leap year, when the year is known). A year alone, a month alone or
 * a year and month are accepted. Fields out of range are left to their own schema.
 */
export function refineBirthday(value: BirthdayFieldsValue, ctx: z.RefinementCtx): void {
  const { birthYear, birthMonth, birthDay } = value;
  if (birthDay == null) return;
  if (birthMonth == null) {
    ctx.addIssue({
      code: 'custom',
      path: ['birthMonth'],
      message: 'Birth month is required with a birth day',
      input: birthMonth,
    });
    return;
  }
  if (!inRange(birthMonth, 1, 12) || !inRange(birthDay, 1, 31)) return;
  const year = inRange(birthYear, birthYearMin, birthYearMax) ? birthYear : null;
  const lastDay = daysInMonth(year, birthMonth);
  if (birthDay <= lastDay) return;
  const message =
    birthMonth === 2 && birthDay === 29
      ? `${String(year)} is not a leap year: it has no 29 February`
      : `${monthNames[birthMonth - 1]} has ${lastDay} days`;
  ctx.addIssue({ code: 'custom', path: ['birthDay'], message, input: birthDay });
}

/** The birth date fields of a record, checked together. */
export const birthdayInput = z.strictObject(birthdayFields).superRefine(refineBirthday);

/** The field that puts a birthday after `today`, if one does; a birthday without a year never is. */
function fieldInFuture(value: BirthdayFieldsValue, today: LocalDate): keyof BirthdayFieldsValue | undefined {
  const { birthYear, birthMonth, birthDay } = value;
  if (birthYear == null || birthYear < today.year) return undefined;
  if (birthYear > today.year) return 'birthYear';
  if (birthMonth == null || birthMonth < today.month) return undefined;
  if (birthMonth > today.month) return 'birthMonth';
  return birthDay != null && birthDay > today.day ? 'birthDay' : undefined;
}

export function isBirthdayInFuture(value: BirthdayFieldsValue, today: LocalDate): boolean {
  return fieldInFuture(value, today) !== undefined;
}

/** A refinement that refuses a birthday after `today`, at the field that makes it so. */
export function birthdayNotInFuture(today: LocalDate) {
  return (value: BirthdayFieldsValue, ctx: z.RefinementCtx): void => {
    const field = fieldInFuture(value, today);
    if (field === undefined) return;
    ctx.addIssue({
      code: 'custom',
      path: [field],
      message: 'Birthday must not be in the future',
      input: value[field],
    });
  };
}

const ianaName = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

/** An IANA time zone name the runtime knows (`Australia/Sydney`, `UTC`); offsets such as `+10:00` are not names. */
export function isTimeZone(name: string): boolean {
  if (!ianaName.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The calendar day it is in `timeZone` at the instant `now`. Throws a RangeError for an unknown zone. */
export function todayIn(timeZone: string, now: Date): LocalDate {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    calendar: 'gregory',
    numberingSystem: 'latn',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}
