import { z } from 'zod';
import { isTimeZone } from '../profiles/birthday.ts';
import { currencyCodeSchema } from '../profiles/currency.ts';
import { isPhoneRegion } from '../profiles/phone.ts';
import { sourceRecordsPerProfileCeiling } from '../source-records/source-record.ts';
import { idSchema } from '../shared/ids.ts';
import { optionalText, requiredText, text } from '../shared/text.ts';

export const currenciesMax = 200;
export const locationsMax = 1000;
export const statusesMax = 200;
export const tiersMax = 50;
export const handleLengthMax = 64;

/** The region a phone number without country code is read in; blank becomes null. */
export const defaultPhoneRegionSchema = text('Default phone region')
  .trim()
  .toUpperCase()
  .transform((value) => (value === '' ? null : value))
  .pipe(
    z
      .string()
      .refine(isPhoneRegion, 'Default phone region must be a two-letter country code, like AU')
      .nullable(),
  )
  .nullable();

export const timeZoneSchema = text('Time zone', 'Time zone is required')
  .trim()
  .refine(isTimeZone, 'Time zone must be an IANA time zone name, like Australia/Sydney');

/** A handle that API callers use to name a status or tier (001: "influencer", "staff"). */
function handleSchema(label: string) {
  return text(label, `${label} is required`)
    .trim()
    .toLowerCase()
    .min(1, `${label} is required`)
    .max(handleLengthMax, `${label} must be at most ${handleLengthMax} characters`)
    .regex(
      /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/,
      `${label} must be lower-case letters and digits, joined by hyphens or underscores`,
    );
}

/** Refuses a repeated value of `field`, at the field of each repeat after the first. */
function noRepeated<Field extends string>(field: Field, message: (value: string) => string) {
  return (items: Partial<Record<Field, string | null>>[], ctx: z.RefinementCtx): void => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const value = item[field];
      if (value === undefined || value === null) return;
      if (seen.has(value))
        ctx.addIssue({ code: 'custom', path: [index, field], message: message(value), input: value });
      seen.add(value);
    });
  };
}

export const locationSchema = z.strictObject({
  id: idSchema.optional(),
  name: requiredText('Location name'),
  /** The location's reference in the company's own system (001: preferred_location_external_id). */
  externalId: optionalText('Location external id')
    .optional()
    .transform((value) => value ?? null),
});

export const statusSchema = z.strictObject({
  handle: handleSchema('Status handle'),
  name: requiredText('Status name'),
});

export const tierSchema = z.strictObject({
  handle: handleSchema('Tier handle'),
  name: requiredText('Tier name'),
  rank: z
    .number({ error: 'Tier rank must be a number' })
    .int('Tier rank must be a whole number')
    .min(0, 'Tier rank must be 0 or more')
    .max(10_000, 'Tier rank must be at most 10000')
    .optional(),
});

const settingsFields = {
  defaultPhoneRegion: defaultPhoneRegionSchema,
  timeZone: timeZoneSchema,
  /** The currencies profiles may use; repeats dropped. */
  currencies: z
    .array(currencyCodeSchema)
    .max(currenciesMax, `At most ${currenciesMax} currencies`)
    .transform((codes) => [...new Set(codes)]),
  locations: z
    .array(locationSchema)
    .max(locationsMax, `At most ${locationsMax} locations`)
    .superRefine(noRepeated('externalId', (value) => `Another location already has the external id ${value}`))
    .superRefine(noRepeated('id', () => 'Another location already has this id')),
  statuses: z
    .array(statusSchema)
    .max(statusesMax, `At most ${statusesMax} statuses`)
    .superRefine(noRepeated('handle', (value) => `Another status already has the handle ${value}`)),
  tiers: z
    .array(tierSchema)
    .max(tiersMax, `At most ${tiersMax} tiers`)
    .superRefine(noRepeated('handle', (value) => `Another tier already has the handle ${value}`)),
  sourceRecordsPerProfileMax: z
    .number({ error: 'The most source records per profile must be a number' })
    .int('The most source records per profile must be a whole number')
    .min(1, 'A profile may have at least 1 source record')
    .max(
      sourceRecordsPerProfileCeiling,
      `A profile may have at most ${sourceRecordsPerProfileCeiling} source records`,
    ),
};

/** A workspace's settings, whole. */
export const workspaceSettingsInput = z.strictObject(settingsFields);
export type WorkspaceSettingsInput = z.output<typeof workspaceSettingsInput>;

/** The settings a caller changes; the ones left out stay as they are. */
export const updateWorkspaceSettingsInput = z.strictObject(settingsFields).partial();
export type UpdateWorkspaceSettingsInput = z.output<typeof updateWorkspaceSettingsInput>;

/** What may leave the server of a workspace's settings. */
export const workspaceSettingsOutput = z.object({
  defaultPhoneRegion: z.string().nullable(),
  timeZone: z.string(),
  currencies: z.array(z.string()),
  locations: z.array(z.object({ id: z.string(), name: z.string(), externalId: z.string().nullable() })),
  statuses: z.array(z.object({ handle: z.string(), name: z.string() })),
  tiers: z.array(z.object({ id: z.string(), handle: z.string(), name: z.string(), rank: z.number() })),
  sourceRecordsPerProfileMax: z.number(),
  version: z.number(),
});
