// The `max` metadata checks the digits against each country's numbering plan; the default (`min`)
// set only checks lengths and would accept numbers that no operator can assign.
import {
  type CountryCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type PhoneNumber,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';
import { z } from 'zod';
import { text } from '../shared/text.ts';

/** Room for any formatted number (E.164 has at most 15 digits) without parsing arbitrary text. */
export const phoneLengthMax = 64;

const example = '+61 412 323 123';

/** A region (ISO 3166-1 alpha-2, upper case) whose numbering plan we know: a workspace's default phone region. */
export function isPhoneRegion(code: string): code is CountryCode {
  return isSupportedCountry(code);
}

function parsePhone(value: string, region: CountryCode | undefined): PhoneNumber | undefined {
  // extract: false reads the whole input as the number instead of searching it for one.
  return parsePhoneNumberFromString(value, { defaultCountry: region, extract: false });
}

function phoneProblem(label: string, value: string, region: CountryCode | undefined): string {
  switch (validatePhoneNumberLength(value, { defaultCountry: region })) {
    case 'NOT_A_NUMBER':
      return `${label} must be a phone number, like ${example}`;
    case 'INVALID_COUNTRY':
      return value.startsWith('+')
        ? `${label} starts with a country code that does not exist`
        : `${label} must start with + and the country code, like ${example}`;
    case 'TOO_SHORT':
      return `${label} is too short to be a phone number`;
    case 'TOO_LONG':
      return `${label} is too long to be a phone number`;
    default:
      return `${label} is not a valid phone number: check the country code and the digits`;
  }
}

function toE164(label: string, region: CountryCode | undefined) {
  return (value: string, ctx: z.RefinementCtx<string>) => {
    const phone = parsePhone(value, region);
    if (phone === undefined || !phone.isValid()) {
      ctx.issues.push({ code: 'custom', message: phoneProblem(label, value, region), input: value });
      return z.NEVER;
    }
    if (phone.ext !== undefined) {
      // E.164 has no room for an extension: storing the number without it would lose part of it.
      ctx.issues.push({ code: 'custom', message: `${label} must not include an extension`, input: value });
      return z.NEVER;
    }
    return phone.number;
  };
}

function phoneText(label: string, requiredMessage?: string) {
  return text(label, requiredMessage)
    .trim()
    .max(phoneLengthMax, `${label} must be at most ${phoneLengthMax} characters`);
}

function knownRegion(defaultRegion: string | null): CountryCode | undefined {
  const region = defaultRegion?.toUpperCase();
  return region !== undefined && isPhoneRegion(region) ? region : undefined;
}

/**
 * A phone number in any usual format, output in E.164 (`+61412323123`). A number without a
 * country code is read as a number of `defaultRegion` (ISO 3166-1 alpha-2); with no region, or
 * one that {@link isPhoneRegion} does not know, such a number is refused.
 */
export function phoneSchema(label: string, defaultRegion: string | null) {
  return phoneText(label, `${label} is required`)
    .min(1, `${label} is required`)
    .transform(toE164(label, knownRegion(defaultRegion)));
}

/** As {@link phoneSchema}, but blank or null becomes null. */
export function optionalPhoneSchema(label: string, defaultRegion: string | null) {
  const normalise = toE164(label, knownRegion(defaultRegion));
  return phoneText(label)
    .transform((value, ctx) => (value === '' ? null : normalise(value, ctx)))
    .nullable();
}

export interface PhoneParts {
  /** `+61412323123` */
  e164: string;
  /** The country calling code: `61`. */
  callingCode: number;
  /** The national significant number, without any prefix: `412323123`. */
  national: string;
  /** The number as dialled inside its country, digits only: `0412323123`. */
  nationalWithPrefix: string;
}

/** How many numbers' parts {@link phoneParts} keeps: a workspace's pages show the same ones again. */
const phonePartsCacheSize = 10_000;
const phonePartsCache = new Map<string, PhoneParts>();

/**
 * The parts of a stored E.164 number (001: mobile_phone_country, _national, _national_prefix, _e164).
 * Working them out takes libphonenumber tens of microseconds, more than the rest of a profile's read,
 * so the last numbers asked for are kept (the parts of a number never change).
 */
export function phoneParts(e164: string): PhoneParts {
  const cached = phonePartsCache.get(e164);
  if (cached !== undefined) return cached;
  const phone = parsePhone(e164, undefined);
  if (phone === undefined || phone.number !== e164) {
    throw new RangeError('phoneParts expects an E.164 number, as phoneSchema outputs');
  }
  const parts = Object.freeze({
    e164: phone.number,
    callingCode: Number(phone.countryCallingCode),
    national: phone.nationalNumber,
    nationalWithPrefix: phone.formatNational().replace(/\D/g, ''),
  });
  // The oldest entry goes first: a Map iterates in insertion order.
  if (phonePartsCache.size >= phonePartsCacheSize)
    phonePartsCache.delete(phonePartsCache.keys().next().value as string);
  phonePartsCache.set(e164, parts);
  return parts;
}

/** Whether search text is written like a phone number: digits with the usual separators, and enough of them. */
export function looksLikePhone(value: string): boolean {
  return /^\+?[\d\s().-]+$/.test(value) && value.replace(/\D/g, '').length >= 6;
}

/**
 * The phone number search text is, in E.164, read in `defaultRegion` when it has no country code
 * (`0412 323 123` in AU: `+61412323123`); undefined when it is not a valid number.
 */
export function phoneInSearch(value: string, defaultRegion: string | null): string | undefined {
  if (!looksLikePhone(value)) return undefined;
  const phone = parsePhone(value.trim(), knownRegion(defaultRegion));
  return phone?.isValid() && phone.ext === undefined ? phone.number : undefined;
}
