import { z } from 'zod';

export const nameLengthMax = 255;
export const emailLengthMax = 254;

// PostgreSQL cannot store a NUL character in text, and half of a UTF-16 surrogate pair is no
// character at all (it would be stored as U+FFFD): neither may reach the database.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether text holds what cannot be stored: a NUL character or half a surrogate pair. */
export function hasBrokenText(value: string): boolean {
  return value.includes('\u0000') || loneSurrogate.test(value);
}

/** Text that can be stored as it is: no NUL character, no lone surrogate. Every text field starts here. */
export function text(label: string, requiredMessage = `${label} must be text`) {
  return z
    .string({ error: requiredMessage })
    .refine((value) => !hasBrokenText(value), `${label} must not contain NUL or broken characters`);
}

/** A required text field: trimmed, not blank, at most `max` characters. */
export function requiredText(label: string, max = nameLengthMax) {
  return text(label, `${label} is required`)
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);
}

/** An optional text field: trimmed; blank becomes null. */
export function optionalText(label: string, max = nameLengthMax) {
  return text(label)
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .transform((value) => (value === '' ? null : value))
    .nullable();
}

const emailMessage = 'Enter a valid email address, like name@example.com';

/** An email address: trimmed, lower-cased, validated. */
export const emailSchema = text('Email', 'Email is required')
  .trim()
  .toLowerCase()
  .max(emailLengthMax, `Email must be at most ${emailLengthMax} characters`)
  .pipe(z.email(emailMessage));

/** An optional email address: blank becomes null. */
export const optionalEmailSchema = text('Email')
  .trim()
  .toLowerCase()
  .max(emailLengthMax, `Email must be at most ${emailLengthMax} characters`)
  .transform((value) => (value === '' ? null : value))
  .pipe(z.email(emailMessage).nullable())
  .nullable();
