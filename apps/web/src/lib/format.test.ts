import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatScore } from './format.ts';

/** ICU puts a narrow no-break space before AM and PM; the assertions read better with plain ones. */
function withPlainSpaces(text: string): string {
  return text.replace(/\s/g, ' ');
}

describe('formatDateTime', () => {
  it('shows the day and the time to the minute in the reader’s time zone', () => {
    expect(withPlainSpaces(formatDateTime(new Date('2024-03-09T14:07:45Z')))).toBe('Mar 9, 2024, 3:07 PM');
  });

  it('follows the reader’s summer time', () => {
    expect(withPlainSpaces(formatDateTime(new Date('2024-07-09T14:07:45Z')))).toBe('Jul 9, 2024, 4:07 PM');
  });

  it('shows the reader’s calendar day, which may differ from the UTC one', () => {
    expect(withPlainSpaces(formatDateTime(new Date('2024-12-31T23:30:00Z')))).toBe('Jan 1, 2025, 12:30 AM');
  });
});

describe('formatDate', () => {
  it('shows the reader’s calendar day', () => {
    expect(formatDate(new Date('2024-12-31T23:30:00Z'))).toBe('Jan 1, 2025');
  });
});

describe('formatScore', () => {
  it('shows whole scores without decimals and fractions to two places', () => {
    expect([0, 9, 4.5, 7.125].map(formatScore)).toEqual(['0', '9', '4.5', '7.13']);
  });
});
