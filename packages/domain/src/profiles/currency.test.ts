import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { currencyCodeSchema, isCurrencyCode, listCurrencies } from './currency.ts';

describe('isCurrencyCode', () => {
  it('accepts ISO 4217 codes of currencies in use, in upper case', () => {
    for (const code of ['AUD', 'USD', 'EUR', 'JPY', 'XOF', 'ZWG']) expect(isCurrencyCode(code)).toBe(true);
  });

  it('refuses other text, withdrawn codes, and the codes that no country uses', () => {
    for (const code of ['aud', 'AU', 'AUDD', '', 'DEM', 'HRK', 'XAU', 'XTS', 'XXX']) {
      expect(isCurrencyCode(code)).toBe(false);
    }
  });
});

describe('listCurrencies', () => {
  it('lists each currency once with its name, sorted by code', () => {
    const currencies = listCurrencies();
    expect(currencies.length).toBeGreaterThan(150);
    expect(currencies).toContainEqual({ code: 'AUD', name: 'Australian Dollar' });
    const codes = currencies.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort());
    for (const currency of currencies) {
      expect(currency.code).toMatch(/^[A-Z]{3}$/);
      expect(currency.name).not.toBe('');
    }
  });
});

describe('currencyCodeSchema', () => {
  const schema = z.object({ currency: currencyCodeSchema });

  it('trims and upper-cases a code', () => {
    expect(schema.parse({ currency: ' aud ' })).toEqual({ currency: 'AUD' });
  });

  it('refuses what is not a currency code, at the field', () => {
    const result = schema.safeParse({ currency: 'ABC' });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['currency', 'Currency must be an ISO 4217 code, like AUD'],
    ]);
  });
});
