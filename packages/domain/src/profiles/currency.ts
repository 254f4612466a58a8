// ISO 4217 List One as the `currency-codes` package keeps it (its data names the list's publish date).
import { data as iso4217 } from 'currency-codes';
import { text } from '../shared/text.ts';

export interface Currency {
  /** `AUD` */
  code: string;
  /** `Australian Dollar` */
  name: string;
}

// List One files the codes that no country uses (gold, bond market units, XTS for testing, XXX
// for "no currency") under placeholder entities named ZZ01…ZZ11; a customer's currency is none of them.
const isUsedByNoCountry = (entry: (typeof iso4217)[number]) =>
  entry.countries.length > 0 && entry.countries.every((entity) => /^zz\d/i.test(entity));

const currencies: readonly Currency[] = Object.freeze(
  iso4217
    .filter((entry) => !isUsedByNoCountry(entry))
    .map((entry) => Object.freeze({ code: entry.code, name: entry.currency }))
    .sort((a, b) => a.code.localeCompare(b.code, 'en')),
);
const currencyCodes = new Set(currencies.map((currency) => currency.code));

/** An ISO 4217 code, upper case, of a currency that a country or area uses. */
export function isCurrencyCode(code: string): boolean {
  return currencyCodes.has(code);
}

/** Every currency {@link isCurrencyCode} accepts, sorted by code. */
export function listCurrencies(): readonly Currency[] {
  return currencies;
}

/** An ISO 4217 currency code, trimmed and upper-cased: ` aud ` → `AUD`. */
export const currencyCodeSchema = text('Currency', 'Currency is required')
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, 'Currency must be an ISO 4217 code, like AUD');
