import { z } from 'zod';

export const nameLengthMax = 255;
export const emailLengthMax = 254;

/** A required text field: trimmed, not blank, at most `max` characters. */
export function requiredText(label: string, max = nameLengthMax) {
  return z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);
}

/** An optional text field: trimmed; blank becomes null. */
export function optionalText(label: string, max = nameLengthMax) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .transform((value) => (value === '' ? null : value))
    .nullable();
}

const emailMessage = 'Enter a valid email address, like name@example.com';

/** An email address: trimmed, lower-cased, validated. */
export const emailSchema = z
  .string({ error: 'Email is required' })
  .trim()
  .toLowerCase()
  .max(emailLengthMax, `Email must be at most ${emailLengthMax} characters`)
  .pipe(z.email(emailMessage));

/** An optional email address: blank becomes null. */
export const optionalEmailSchema = z
  .string({ error: 'Email must be text' })
  .trim()
  .toLowerCase()
  .max(emailLengthMax, `Email must be at most ${emailLengthMax} characters`)
  .transform((value) => (value === '' ? null : value))
  .pipe(z.email(emailMessage).nullable())
  .nullable();
