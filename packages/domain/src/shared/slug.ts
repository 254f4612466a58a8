import { text } from './text.ts';

export const slugLengthMax = 64;

/** A slug of lower-case letters and digits in words joined by `-` or `_`: `customer-profile`. */
export function slugSchema(label: string) {
  return text(label, `${label} is required`)
    .trim()
    .max(slugLengthMax, `${label} must be at most ${slugLengthMax} characters`)
    .regex(
      /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/,
      `${label} must be lower-case letters and digits, in words joined by - or _`,
    );
}

/** A slug in lower snake case, starting with a letter: `monthly_expenses`. */
export function snakeCaseSlugSchema(label: string) {
  return text(label, `${label} is required`)
    .trim()
    .max(slugLengthMax, `${label} must be at most ${slugLengthMax} characters`)
    .regex(
      /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/,
      `${label} must be lower snake case: a letter, then letters, digits and single underscores`,
    );
}
