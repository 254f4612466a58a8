import type { Identifier } from './source-record.ts';

/** 003's naming table: the first identifier type present names the record, in this order. */
const namingTable: [type: string, name: (value: string) => string][] = [
  ['email', (value) => value],
  ['external_id', (value) => `User ${value}`],
  ['phone_number', (value) => `User ${value}`],
  ['twitter', (value) => `Twitter user ${value}`],
  ['facebook', (value) => `Facebook user ${value}`],
  ['sdk', (value) => `SDK user ${value}`],
];

/**
 * The name of a record given none (003): from the first of email, external id, phone number,
 * twitter, facebook and sdk that it has; with none of them, "{type} user {value}" of its first
 * identifier.
 */
export function sourceRecordName(identifiers: readonly Identifier[]): string {
  for (const [type, name] of namingTable) {
    const found = identifiers.find((identifier) => identifier.type === type);
    if (found) return name(found.value);
  }
  const [first] = identifiers;
  if (!first) throw new RangeError('a source record has at least one identifier');
  return `${first.type} user ${first.value}`;
}
