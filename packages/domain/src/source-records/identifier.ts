import { optionalPhoneSchema } from '../profiles/phone.ts';
import { emailSchema } from '../shared/text.ts';
import type { Identifier } from './source-record.ts';

/**
 * The identifier types that say who a person is wherever they come from (003: standard
 * identifiers): a profile that has one of them is the profile a new record with it belongs to.
 */
export const standardIdentifierTypes = [
  'email',
  'phone_number',
  'external_id',
  'twitter',
  'facebook',
  'sdk',
] as const;
export type StandardIdentifierType = (typeof standardIdentifierTypes)[number];

/** The type an identifier is matched as: a `google` identity is an email (003). */
export function matchTypeOf(type: string): string {
  return type === 'google' ? 'email' : type;
}

export function isStandardType(matchType: string): matchType is StandardIdentifierType {
  return (standardIdentifierTypes as readonly string[]).includes(matchType);
}

const lowerCased = new Set(['email', 'twitter']);

/**
 * An identifier as it is stored and matched: type and value trimmed; an email (or google) and a
 * twitter value lower-cased (003); a phone number in E.164 where it parses, read in the workspace's
 * region, as it is given where it does not.
 */
export function normalizeIdentifier(identifier: Identifier, defaultPhoneRegion: string | null): Identifier {
  const type = identifier.type.trim();
  const value = identifier.value.trim();
  if (lowerCased.has(matchTypeOf(type))) return { type, value: value.toLowerCase() };
  if (type === 'phone_number') {
    const phone = optionalPhoneSchema('Phone', defaultPhoneRegion).safeParse(value);
    return { type, value: (phone.success && phone.data) || value };
  }
  return { type, value };
}

/** Whether two stored identifiers name the same thing: the same match type and value. */
export function isSameIdentifier(a: Identifier, b: Identifier): boolean {
  return matchTypeOf(a.type) === matchTypeOf(b.type) && a.value === b.value;
}

/** The identifiers without repeats, each kept where it first appears. */
export function distinctIdentifiers(identifiers: readonly Identifier[]): Identifier[] {
  return identifiers.filter(
    (identifier, index) => identifiers.findIndex((other) => isSameIdentifier(other, identifier)) === index,
  );
}

/** A stored email identifier's value where it is a valid address, to keep as the profile's contact point. */
export function emailOf(identifier: Identifier): string | undefined {
  if (matchTypeOf(identifier.type) !== 'email') return undefined;
  const email = emailSchema.safeParse(identifier.value);
  return email.success ? email.data : undefined;
}

/** A stored phone identifier's value where it is in E.164, to keep as the profile's contact point. */
export function phoneOf(identifier: Identifier): string | undefined {
  return identifier.type === 'phone_number' && /^\+[1-9][0-9]{6,14}$/.test(identifier.value)
    ? identifier.value
    : undefined;
}
