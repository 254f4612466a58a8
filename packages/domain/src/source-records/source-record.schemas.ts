import { z } from 'zod';
import { idSchema, sortableIdSchema } from '../shared/ids.ts';
import { jsonObjectSchema } from '../shared/json.ts';
import { nameLengthMax, optionalText, requiredText, text } from '../shared/text.ts';
import { identifierQueryLengthMax } from './identifier-query.ts';
import {
  attributesDepthMax,
  attributesLengthMax,
  identifiersPerRecordMax,
  identifierTypeLengthMax,
  identifierValueLengthMax,
} from './source-record.ts';

/** 003: "All profile properties are strings, including number values": a number is read as its text. */
const identifierValueSchema = z.preprocess(
  (value) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value),
  requiredText('Identifier value', identifierValueLengthMax),
);

export const identifierSchema = z.strictObject({
  type: requiredText('Identifier type', identifierTypeLengthMax),
  value: identifierValueSchema,
});

export const identifiersSchema = z
  .array(identifierSchema, { error: 'Identifiers must be a list of {type, value}' })
  .min(1, 'A source record has at least one identifier')
  .max(identifiersPerRecordMax, `A source record has at most ${identifiersPerRecordMax} identifiers`);

export const attributesSchema = jsonObjectSchema('Attributes', {
  depthMax: attributesDepthMax,
  lengthMax: attributesLengthMax,
});

const nameSchema = optionalText('Name', nameLengthMax);

const identifierQuerySchema = text('Identifier query', 'Identifier query is required').max(
  identifierQueryLengthMax,
  `Identifier query must be at most ${identifierQueryLengthMax} characters`,
);

export const sourceRecordIdInput = z.strictObject({ id: sortableIdSchema });
export type SourceRecordIdInput = z.output<typeof sourceRecordIdInput>;

export const identifierQueryInput = z.strictObject({ identifierQuery: identifierQuerySchema });
export type IdentifierQueryInput = z.output<typeof identifierQueryInput>;

export const profileSourceRecordsInput = z.strictObject({ profileId: idSchema });
export type ProfileSourceRecordsInput = z.output<typeof profileSourceRecordsInput>;

/**
 * What replaces a record's content whole: what is left out is gone (003: PUT replaces the record).
 * Without a name, the record is named from its identifiers.
 */
const contentFields = {
  name: nameSchema.optional(),
  attributes: attributesSchema.optional(),
};

/**
 * Creates the record the identifier query addresses, or replaces the one it finds; the query's
 * identifier is among the record's identifiers whether the list names it or not.
 */
export const upsertSourceRecordInput = z.strictObject({
  identifierQuery: identifierQuerySchema,
  identifiers: identifiersSchema.optional(),
  ...contentFields,
});
export type UpsertSourceRecordInput = z.output<typeof upsertSourceRecordInput>;

/** As `upsertSourceRecordInput`, for the given profile. */
export const upsertProfileSourceRecordInput = upsertSourceRecordInput.extend({ profileId: idSchema });
export type UpsertProfileSourceRecordInput = z.output<typeof upsertProfileSourceRecordInput>;

export const updateSourceRecordInput = z.strictObject({
  id: sortableIdSchema,
  identifiers: identifiersSchema,
  ...contentFields,
});
export type UpdateSourceRecordInput = z.output<typeof updateSourceRecordInput>;

/**
 * A JSON merge patch (RFC 7396) of a record's name and attributes: a null removes (a name so
 * removed is derived from the identifiers again). Identifiers listed are added to the record's.
 */
const patchFields = {
  name: nameSchema.optional(),
  attributes: attributesSchema.nullable().optional(),
  identifiers: identifiersSchema.optional(),
};

export const patchSourceRecordInput = z.strictObject({ id: sortableIdSchema, ...patchFields });
export type PatchSourceRecordInput = z.output<typeof patchSourceRecordInput>;

export const patchSourceRecordByQueryInput = z.strictObject({
  identifierQuery: identifierQuerySchema,
  ...patchFields,
});
export type PatchSourceRecordByQueryInput = z.output<typeof patchSourceRecordByQueryInput>;

export type SourceRecordPatch = Omit<PatchSourceRecordInput, 'id'>;

export const removeIdentifierInput = z.strictObject({ id: sortableIdSchema, ...identifierSchema.shape });
export type RemoveIdentifierInput = z.output<typeof removeIdentifierInput>;

/** What may leave the server of a source record. */
export const sourceRecordOutput = z.object({
  id: z.string(),
  profileId: z.string(),
  source: z.string(),
  type: z.string(),
  name: z.string(),
  identifiers: z.array(z.object({ type: z.string(), value: z.string() })),
  attributes: z.record(z.string(), z.unknown()),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type SourceRecordView = z.output<typeof sourceRecordOutput>;
