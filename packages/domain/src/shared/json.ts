import { z } from 'zod';
import { hasBrokenText } from './text.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonValue),
    z.record(z.string(), jsonValue),
  ]),
);

/** Any JSON value, as an output schema. */
export const jsonValueSchema = jsonValue;

/** How deep a value nests and whether any of its texts, keys included, cannot be stored. */
function shapeOf(value: JsonValue): { depth: number; hasBrokenText: boolean } {
  let depth = 0;
  const pending: [JsonValue, number][] = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, level] = next;
    depth = Math.max(depth, level);
    if (typeof item === 'string' && hasBrokenText(item)) return { depth, hasBrokenText: true };
    if (Array.isArray(item)) for (const child of item) pending.push([child, level + 1]);
    else if (isJsonObject(item)) {
      for (const [key, child] of Object.entries(item)) {
        if (hasBrokenText(key)) return { depth, hasBrokenText: true };
        pending.push([child, level + 1]);
      }
    }
  }
  return { depth, hasBrokenText: false };
}

/**
 * A JSON object that can be stored as it is: plain JSON values, no text with NUL or half a
 * surrogate pair (PostgreSQL's jsonb refuses the first), nested at most `depthMax` levels, at most
 * `lengthMax` characters as JSON text.
 */
export function jsonObjectSchema(label: string, limits: { depthMax: number; lengthMax: number }) {
  return z
    .record(z.string(), jsonValue, { error: `${label} must be a JSON object` })
    .superRefine((value, ctx) => {
      const shape = shapeOf(value);
      if (shape.hasBrokenText) {
        ctx.addIssue({ code: 'custom', message: `${label} must not contain NUL or broken characters` });
      } else if (shape.depth > limits.depthMax) {
        ctx.addIssue({
          code: 'custom',
          message: `${label} must nest at most ${limits.depthMax} levels deep`,
        });
      } else if (JSON.stringify(value).length > limits.lengthMax) {
        ctx.addIssue({
          code: 'custom',
          message: `${label} must be at most ${limits.lengthMax} characters as JSON`,
        });
      }
    });
}
