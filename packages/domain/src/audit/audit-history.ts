import { z } from 'zod';
import { DomainError } from '../shared/errors.ts';
import { isJsonObject, jsonValueSchema, type JsonValue } from '../shared/json.ts';
import { decodeCursor, encodeCursor, pageInput } from '../shared/pagination.ts';

/** The kinds of record that have an audit trail, as the entries name them. */
export const auditRecordKinds = [
  'profile',
  'contact_point',
  'source_record',
  'organization',
  'member',
  'token',
  'workspace',
  'workspace_settings',
  'attribute_definition',
  'profile_type',
  'workflow',
  'relationship',
] as const;
export type AuditRecordKind = (typeof auditRecordKinds)[number];

export const listAuditInput = z.strictObject({
  recordKind: z.enum(auditRecordKinds, { error: `Choose one of ${auditRecordKinds.join(', ')}` }),
  recordId: z
    .string({ error: 'Must be a record id' })
    .trim()
    .min(1, 'Must be a record id')
    .max(64, 'Must be a record id'),
  cursor: pageInput.shape.cursor,
  limit: pageInput.shape.limit,
});
export type ListAuditInput = z.output<typeof listAuditInput>;

/** One field of a record whose value an entry changed; a dotted path inside nested objects. */
export interface FieldChange {
  field: string;
  before: JsonValue;
  after: JsonValue;
}

/** Where a page of a trail, newest first, ends: the last entry's position in the order entries were written. */
const auditSort = 'position:desc';

export function encodeAuditCursor(entry: { position: string; id: string }): string {
  return encodeCursor({ sort: auditSort, value: entry.position, id: entry.id });
}

export function decodeAuditCursor(cursor: string): string {
  const { value } = decodeCursor(cursor, auditSort);
  if (typeof value !== 'string' || !/^\d{1,19}$/.test(value)) {
    throw new DomainError('INVALID_CURSOR', 'The cursor is malformed; start again from the first page', {
      path: 'cursor',
    });
  }
  return value;
}

/** Whether a recorded state was taken out of the trail by an erasure (`profiles.erase`). */
export function isErasedState(state: unknown): boolean {
  return (
    typeof state === 'object' &&
    state !== null &&
    Object.keys(state).length === 1 &&
    (state as Record<string, unknown>).erased === true
  );
}

/** Fields that change with every write, kept in the states but no change of the record's own. */
const bookkeepingFields = new Set(['version', 'updatedAt']);

function leavesOf(state: JsonValue | undefined, prefix: string, into: Map<string, JsonValue>): void {
  if (state === undefined) return;
  if (isJsonObject(state)) {
    for (const [key, value] of Object.entries(state)) {
      if (prefix === '' && bookkeepingFields.has(key)) continue;
      leavesOf(value, prefix === '' ? key : `${prefix}.${key}`, into);
    }
    return;
  }
  into.set(prefix, state);
}

/** The same JSON whatever the order of an object's keys. */
function canonical(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isJsonObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key] ?? null)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The fields an entry changed, from the states it recorded before and after (null where there was
 * none: a creation, a deletion): nested objects field by field, lists as a whole, a field absent
 * on one side as null (an empty object has no fields). In the order the fields appear, those of `after` first.
 */
export function changedFields(before: JsonValue | null, after: JsonValue | null): FieldChange[] {
  const was = new Map<string, JsonValue>();
  const is = new Map<string, JsonValue>();
  leavesOf(before ?? {}, '', was);
  leavesOf(after ?? {}, '', is);
  const fields = [...new Set([...is.keys(), ...was.keys()])];
  return fields
    .filter((field) => canonical(was.get(field) ?? null) !== canonical(is.get(field) ?? null))
    .map((field) => ({ field, before: was.get(field) ?? null, after: is.get(field) ?? null }));
}

/** Who made a change and through what: a member through an API token or a console session, or the command line. */
export type AuditVia =
  | { kind: 'token'; tokenId: string; tokenName: string | null; lastFour: string | null }
  | { kind: 'session'; sessionId: string | null }
  | { kind: 'command_line' };

/** An entry of a record's history as it is shown: who, when, through what, and each field it changed. */
export interface AuditHistoryEntry {
  id: string;
  action: string;
  at: Date;
  /** The member who acted (its name and email while it is a member), or null on the command line. */
  actor: { memberId: string; name: string | null; email: string | null } | null;
  via: AuditVia;
  ip: string | null;
  /** The states were taken out by an erasure: what changed is no longer known. */
  isErased: boolean;
  changes: FieldChange[];
}

const fieldChangeOutput = z.object({ field: z.string(), before: jsonValueSchema, after: jsonValueSchema });

export const auditHistoryEntryOutput = z.object({
  id: z.string(),
  action: z.string(),
  at: z.date(),
  actor: z
    .object({ memberId: z.string(), name: z.string().nullable(), email: z.string().nullable() })
    .nullable(),
  via: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('token'),
      tokenId: z.string(),
      tokenName: z.string().nullable(),
      lastFour: z.string().nullable(),
    }),
    z.object({ kind: z.literal('session'), sessionId: z.string().nullable() }),
    z.object({ kind: z.literal('command_line') }),
  ]),
  ip: z.string().nullable(),
  isErased: z.boolean(),
  changes: z.array(fieldChangeOutput),
});

export const auditPageOutput = z.object({
  items: z.array(auditHistoryEntryOutput),
  nextCursor: z.string().nullable(),
});
