import { z } from 'zod';
import { idSchema } from '../shared/ids.ts';
import { pageInput } from '../shared/pagination.ts';
import { requiredText, text } from '../shared/text.ts';
import {
  activityLengthMax,
  campaignIdLengthMax,
  campaignNameLengthMax,
  campaignStages,
  eventIdLengthMax,
  eventsPerBatchMax,
  moduleLengthMax,
} from './activity.ts';

/** The last moment a time may name: the end of the year 9999, in milliseconds since 1970. */
const latestMs = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * A moment between 1970 and 9999: a Date, ISO 8601 text with an offset, or milliseconds since
 * 1970 (what event senders often have at hand).
 */
function instantSchema(label: string) {
  const error = `${label} must be a date and time, like 2024-05-01T09:30:00Z, or milliseconds since 1970`;
  return z
    .union(
      [
        z.number({ error }).int({ error }).min(0, { error }).max(latestMs, { error }),
        z.iso.datetime({ offset: true, error }),
        z.date({ error }),
      ],
      { error },
    )
    .transform((value) => (value instanceof Date ? value : new Date(value)))
    .refine(
      (value) => value.getTime() >= 0 && value.getTime() <= latestMs,
      `${label} must be a date and time between 1970 and 9999`,
    );
}

/** The sender's id of an event, kept exactly as sent: sending it again stores nothing twice. */
const eventIdSchema = text('Event id', 'Event id is required')
  .refine((id) => id.trim() !== '', 'Event id is required')
  .max(eventIdLengthMax, `Event id must be at most ${eventIdLengthMax} characters`);

const moduleSchema = requiredText('Module', moduleLengthMax);

export const campaignStageSchema = z.enum(campaignStages, {
  error: `Stage must be one of ${campaignStages.join(', ')}`,
});

/** A batch of events, each id once: the same id twice in one batch is a mistake of the sender. */
function batchOf<T extends z.ZodType<{ id: string }>>(event: T) {
  return z.strictObject({
    events: z
      .array(event, { error: 'Events must be a list' })
      .min(1, 'Send at least one event')
      .max(eventsPerBatchMax, `A batch holds at most ${eventsPerBatchMax} events`)
      .superRefine((events, ctx) => {
        const firstIndex = new Map<string, number>();
        events.forEach((each, index) => {
          const first = firstIndex.get(each.id);
          if (first === undefined) firstIndex.set(each.id, index);
          else
            ctx.addIssue({
              code: 'custom',
              path: [index, 'id'],
              message: `Repeats the id of event ${first}`,
            });
        });
      }),
  });
}

export const usageEventInput = z.strictObject({
  id: eventIdSchema,
  organizationId: idSchema,
  profileId: idSchema,
  module: moduleSchema,
  activity: requiredText('Activity', activityLengthMax),
  occurredAt: instantSchema('occurredAt'),
});
export type UsageEventInput = z.output<typeof usageEventInput>;

export const ingestUsageInput = batchOf(usageEventInput);
export type IngestUsageInput = z.output<typeof ingestUsageInput>;

export const campaignEventInput = z.strictObject({
  id: eventIdSchema,
  profileId: idSchema,
  campaignId: requiredText('Campaign id', campaignIdLengthMax),
  campaignName: requiredText('Campaign name', campaignNameLengthMax),
  stage: campaignStageSchema,
  occurredAt: instantSchema('occurredAt'),
});

export const recordCampaignEventsInput = batchOf(campaignEventInput);
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

export const ingestOutput = z.object({ accepted: z.number(), duplicates: z.array(z.string()) });

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
