import { z } from 'zod';
import { idSchema } from '../shared/ids.ts';
import { pageInput } from '../shared/pagination.ts';
import { requiredText } from '../shared/text.ts';
import { batchIdSchema, batchOf, instantSchema } from '../shared/batch.schemas.ts';
import {
  activityLengthMax,
  campaignIdLengthMax,
  campaignNameLengthMax,
  campaignStages,
  moduleLengthMax,
} from './activity.ts';

const eventIdSchema = batchIdSchema('Event id');

const moduleSchema = requiredText('Module', moduleLengthMax);

export const campaignStageSchema = z.enum(campaignStages, {
  error: `Stage must be one of ${campaignStages.join(', ')}`,
});

export const usageEventInput = z.strictObject({
  id: eventIdSchema,
  organizationId: idSchema,
  profileId: idSchema,
  module: moduleSchema,
  activity: requiredText('Activity', activityLengthMax),
  occurredAt: instantSchema('occurredAt'),
});
export type UsageEventInput = z.output<typeof usageEventInput>;

export const ingestUsageInput = batchOf('events', 'event', usageEventInput);
export type IngestUsageInput = z.output<typeof ingestUsageInput>;

export const campaignEventInput = z.strictObject({
  id: eventIdSchema,
  profileId: idSchema,
  campaignId: requiredText('Campaign id', campaignIdLengthMax),
  campaignName: requiredText('Campaign name', campaignNameLengthMax),
  stage: campaignStageSchema,
  occurredAt: instantSchema('occurredAt'),
});

export const recordCampaignEventsInput = batchOf('events', 'event', campaignEventInput);
export type RecordCampaignEventsInput = z.output<typeof recordCampaignEventsInput>;

export const campaignSummaryInput = z.strictObject({ profileId: idSchema });
export type CampaignSummaryInput = z.output<typeof campaignSummaryInput>;

/**
 * Whose usage: one organization's, one profile's in the organizations it belongs to, or one
 * profile's in one organization (reference 004: a person's usage per account).
 */
const ownerShape = { organizationId: idSchema.optional(), profileId: idSchema.optional() };

const ownerRequired = [
  (input: { organizationId?: string; profileId?: string }) =>
    input.organizationId !== undefined || input.profileId !== undefined,
  { message: 'Give an organizationId, a profileId, or both' },
] as const;

/** The usage a subscription streams as it is recorded. */
export const usageStreamInput = z.strictObject(ownerShape).refine(...ownerRequired);
export type UsageStreamInput = z.output<typeof usageStreamInput>;

/** A page of usage, newest first, in a time range (`from` included, `to` not) and of one module. */
export const listUsageInput = z
  .strictObject({
    ...ownerShape,
    ...pageInput.shape,
    from: instantSchema('from').optional(),
    to: instantSchema('to').optional(),
    module: moduleSchema.optional(),
  })
  .refine(...ownerRequired)
  .refine((input) => !(input.from && input.to && input.from >= input.to), {
    path: ['to'],
    message: 'to must be after from',
  });
export type ListUsageInput = z.output<typeof listUsageInput>;

/** What may leave the server of a usage event. */
export const usageEventOutput = z.object({
  id: z.string(),
  organizationId: z.string(),
  profileId: z.string().nullable(),
  email: z.string().nullable(),
  module: z.string(),
  activity: z.string(),
  occurredAt: z.date(),
});
export type UsageEventView = z.output<typeof usageEventOutput>;

export const usagePageOutput = z.object({
  items: z.array(usageEventOutput),
  nextCursor: z.string().nullable(),
});

export const campaignSummaryOutput = z.object({
  counts: z.object({ sent: z.number(), viewed: z.number(), engaged: z.number(), goal_achieved: z.number() }),
  recent: z.array(
    z.object({
      campaignId: z.string(),
      campaignName: z.string(),
      stage: campaignStageSchema,
      occurredAt: z.date(),
    }),
  ),
});
