import { z } from 'zod';
import { batchIdLengthMax, batchSizeMax } from './batch.ts';
import { text } from './text.ts';

/** The last moment a time may name: the end of the year 9999, in milliseconds since 1970. */
const latestMs = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * A moment between 1970 and 9999: a Date, ISO 8601 text with an offset, or milliseconds since
 * 1970 (what event senders often have at hand).
 */
export function instantSchema(label: string) {
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

/** The sender's id of an item, kept exactly as sent: sending it again stores nothing twice. */
export function batchIdSchema(label: string) {
  return text(label, `${label} is required`)
    .refine((id) => id.trim() !== '', `${label} is required`)
    .max(batchIdLengthMax, `${label} must be at most ${batchIdLengthMax} characters`);
}

/**
 * `{ [list]: items }`, one to `batchSizeMax` items, each id once: the same id twice in one batch is
 * a mistake of the sender. `noun` names an item in messages (`event`, `response`).
 */
export function batchOf<List extends string, Item extends z.ZodType<{ id: string }>>(
  list: List,
  noun: string,
  item: Item,
) {
  const items = z
    .array(item, { error: `${list[0]?.toUpperCase()}${list.slice(1)} must be a list` })
    .min(1, `Send at least one ${noun}`)
    .max(batchSizeMax, `A batch holds at most ${batchSizeMax} ${noun}s`)
    .superRefine((each, ctx) => {
      const firstIndex = new Map<string, number>();
      each.forEach((one, index) => {
        const first = firstIndex.get(one.id);
        if (first === undefined) firstIndex.set(one.id, index);
        else
          ctx.addIssue({
            code: 'custom',
            path: [index, 'id'],
            message: `Repeats the id of ${noun} ${first}`,
          });
      });
    });
  return z.strictObject({ [list]: items } as Record<List, typeof items>);
}

/** What a batch stored: how many items are new, and the ids of those stored before. */
export const ingestOutput = z.object({ accepted: z.number(), duplicates: z.array(z.string()) });
