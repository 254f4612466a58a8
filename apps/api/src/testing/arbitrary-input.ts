import type { AnyRouter } from '@trpc/server';
import type { AnyProcedure, ProcedureType } from '@trpc/server/unstable-core-do-not-import';
import fc from 'fast-check';
import { z } from 'zod';

/**
 * Inputs for every procedure of a router, made from the procedure's own zod schema: valid ones, and
 * the same broken in the ways a careless or hostile client breaks them. No maintained library turns
 * zod 4 schemas into fast-check arbitraries (zod-fast-check stops at zod 3 and fast-check 3), so the
 * schema goes through zod's own JSON Schema export and a small generator over that.
 */

/** The JSON Schema keywords `z.toJSONSchema` writes and the generator reads. */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
}

export interface ProcedureEntry {
  /** `profiles.get` */
  path: string;
  type: ProcedureType;
  /** The input schema, or undefined for a procedure that takes no input. */
  input: z.ZodType | undefined;
}

function isZodSchema(parser: unknown): parser is z.ZodType {
  return typeof parser === 'object' && parser !== null && '_zod' in parser;
}

/** Every procedure of the router with its input schema; a new procedure shows up here by itself. */
export function proceduresOf(router: AnyRouter): ProcedureEntry[] {
  const procedures = router._def.procedures as Record<string, AnyProcedure>;
  return Object.entries(procedures).map(([path, procedure]) => {
    const inputs = procedure._def.inputs.map((parser) => (isZodSchema(parser) ? parser : z.unknown()));
    const [first, ...rest] = inputs;
    const input = first && rest.reduce<z.ZodType>((merged, next) => z.intersection(merged, next), first);
    return { path, type: procedure._def.type, input };
  });
}

export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
}

export interface ArbitraryOptions {
  /** Inputs that reach the use case: the first non-null branch of a union, text of letters and digits. */
  isTidy?: boolean;
  /** Which properties of an object are there: those the schema requires and some others, all, or only the required. */
  fields?: 'some' | 'all' | 'required';
  /** Ids and emails that id and email fields take now and then besides fresh ones, such as existing rows'. */
  known?: { ids?: readonly string[]; emails?: readonly string[] };
}

const letters = 'abcdefghijklmnopqrstuvwxyz0123456789';
const tidyText = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...letters), minLength, maxLength });
const tidyEmail = fc
  .tuple(tidyText(1, 12), tidyText(1, 12))
  .map(([local, domain]) => `${local}@${domain}.test`);

/** Mostly values that exist, so that inputs get past "not found" to the code behind it. */
function withKnown(arbitrary: fc.Arbitrary<string>, known: readonly string[] | undefined) {
  return known?.length ? fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 3 }, arbitrary) : arbitrary;
}

/** Values that fit the schema (not always: text rules such as "not blank after trimming" are not in it). */
export function arbitraryOf(root: JsonSchema, options: ArbitraryOptions = {}): fc.Arbitrary<unknown> {
  const { isTidy = false, fields = 'some', known = {} } = options;

  function resolve(ref: string): JsonSchema {
    if (ref === '#') return root;
    const name = ref.replace(/^#\/\$defs\//, '');
    return root.$defs?.[name] ?? {};
  }

  function text(node: JsonSchema, key: string | undefined): fc.Arbitrary<string> {
    const minLength = node.minLength ?? 0;
    const maxLength = Math.max(minLength, Math.min(node.maxLength ?? 40, 40));
    if (node.format === 'uuid') {
      return withKnown(fc.uuid({ version: 4 }), known.ids);
    }
    if (node.format === 'email' || (key && /email/i.test(key))) {
      return withKnown(isTidy ? tidyEmail : fc.oneof(tidyEmail, fc.emailAddress()), known.emails);
    }
    if (node.format === 'date-time')
      return fc.date({ noInvalidDate: true }).map((date) => date.toISOString());
    // Days of one half-year, so that two of them (a range's ends) are often less than a year apart.
    if (node.format === 'date')
      return fc
        .date({
          min: new Date('2026-01-01T00:00:00Z'),
          max: new Date('2026-06-30T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((date) => date.toISOString().slice(0, 10));
    if (node.format === 'uri' || node.format === 'url') return fc.webUrl();
    if (node.pattern) {
      return fc
        .stringMatching(new RegExp(node.pattern))
        .filter((value) => value.length >= minLength && value.length <= (node.maxLength ?? Infinity));
    }
    if (isTidy) return tidyText(Math.max(minLength, 1), Math.max(maxLength, 1));
    return fc.string({ unit: 'grapheme', minLength, maxLength });
  }

  function object(node: JsonSchema, depth: number): fc.Arbitrary<unknown> {
    const required = node.required ?? [];
    const properties = Object.entries(node.properties ?? {}).filter(
      ([key]) => fields !== 'required' || required.includes(key),
    );
    const model = Object.fromEntries(
      properties.map(([key, property]) => [key, of(property, key, depth + 1)]),
    );
    return fc.record(model, { requiredKeys: fields === 'some' ? required : Object.keys(model) });
  }

  function of(node: JsonSchema, key: string | undefined, depth: number): fc.Arbitrary<unknown> {
    if (depth > 8) return fc.constant(null);
    if (node.$ref) return of(resolve(node.$ref), key, depth + 1);
    if (node.const !== undefined) return fc.constant(node.const);
    if (node.enum) return fc.constantFrom(...node.enum);
    const branches = node.anyOf ?? node.oneOf;
    if (branches) {
      const nonNull = branches.filter((branch) => branch.type !== 'null');
      const chosen = isTidy && nonNull.length > 0 ? nonNull.slice(0, 1) : branches;
      return fc.oneof(...chosen.map((branch) => of(branch, key, depth + 1)));
    }
    if (node.allOf) {
      return fc
        .tuple(...node.allOf.map((part) => of(part, key, depth + 1)))
        .map((parts) => Object.assign({}, ...parts) as unknown);
    }
    if (Array.isArray(node.type)) {
      return fc.oneof(...node.type.map((type) => of({ ...node, type }, key, depth)));
    }
    switch (node.type) {
      case 'string':
        return text(node, key);
      case 'integer': {
        const min = Math.max(node.minimum ?? -1_000_000, Number.MIN_SAFE_INTEGER);
        const max = Math.min(node.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER);
        // Small values near the minimum are the ones that match something: a version, a page size.
        return fc.oneof(fc.integer({ min, max: Math.min(min + 5, max) }), fc.integer({ min, max }));
      }
      case 'number':
        return fc.double({
          min: node.minimum ?? node.exclusiveMinimum ?? -1e9,
          max: node.maximum ?? node.exclusiveMaximum ?? 1e9,
          noNaN: true,
          noDefaultInfinity: true,
        });
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        if (node.prefixItems) return fc.tuple(...node.prefixItems.map((item) => of(item, key, depth + 1)));
        return fc.array(of(node.items ?? {}, key, depth + 1), {
          minLength: node.minItems ?? 0,
          maxLength: Math.max(node.minItems ?? 0, Math.min(node.maxItems ?? 4, 4)),
        });
      case 'object':
        return object(node, depth);
      default:
        return isTidy ? fc.constant(null) : fc.jsonValue({ maxDepth: 2 });
    }
  }

  return of(root, undefined, 0);
}

/**
 * A valid input for the schema, the same for the same seed, with text of letters and digits. Rules
 * that a JSON Schema cannot say (a phone that parses, a country that exists) make most generated
 * values invalid, so the optional fields at fault are dropped until what is left passes.
 */
export function tidyInputOf(schema: z.ZodType, seed: number, fields: 'all' | 'required'): unknown {
  // What a schema accepts is best told by its input side, but a format that only its output
  // states (an email checked after trimming) is told by the output side: both are tried.
  const candidates = (['input', 'output'] as const).flatMap((io) =>
    fc.sample(arbitraryOf(jsonSchemaOf(schema, io), { isTidy: true, fields }), { seed, numRuns: 100 }),
  );
  for (const candidate of candidates) {
    let value = candidate;
    for (;;) {
      const parsed = schema.safeParse(value);
      if (parsed.success) return value;
      if (typeof value !== 'object' || value === null) break;
      const atFault = new Set(parsed.error.issues.map((issue) => issue.path[0]));
      const kept = Object.entries(value).filter(([key]) => !atFault.has(key));
      if (kept.length === Object.keys(value).length) break;
      value = Object.fromEntries(kept);
    }
  }
  // A rule may need one of the optional fields (`usage.onEvent`: an organization, a profile or both).
  if (fields === 'required') return tidyInputOf(schema, seed, 'all');
  throw new Error('no valid input found for a procedure: widen arbitraryOf');
}

/** An object with `key` as its own property, even where `key` is `__proto__`. */
export function withOwnProperty(target: object, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...target };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const hostileTexts = [
  '',
  ' ',
  '\t\r\n',
  '\u0000',
  'Ada\u0000Lovelace',
  '\u0000'.repeat(16),
  '\ud800',
  'Ada\udc00',
  '\udfff\ud800',
  '\u202eevil',
  '\u200b',
  '\ufeffbom',
  'e\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦',
  '\u0085\u2028\u2029',
  "' OR '1'='1",
  "x'); drop table profiles; --",
  '%00',
  '%s%s%n',
  '${7*7}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  'line\r\nx-injected: 1',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  '-0',
  '1e309',
  ' ADA@EXAMPLE.COM ',
  'a@b',
  '@',
  'a@b@c.test',
  'ada\u0000@example.test',
  'ada@exa\u0000mple.test',
];

/** Text that breaks naive handling: empty, blank, too long, NUL, lone surrogates, controls, injections. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...hostileTexts), weight: 4 },
  fc.constantFrom(255, 256, 1000, 5000, 200_000).map((length) => 'x'.repeat(length)),
  fc.constantFrom(300, 2000).map((length) => '😀'.repeat(length)),
  fc.string({
    unit: fc.constantFrom('\u0000', '\ud800', '\udc00', 'a', ' ', '"', '\\', '\u0085', '%'),
    maxLength: 40,
  }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Numbers at and past every edge; superjson carries the ones JSON cannot. */
export const hostileNumber: fc.Arbitrary<unknown> = fc.constantFrom(
  0,
  -0,
  -1,
  1.5,
  2 ** 31,
  -(2 ** 31) - 1,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_SAFE_INTEGER - 2,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  10n ** 30n,
  -1n,
);

function nested(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = wrap(value);
  return value;
}

const pollutionKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

/** Objects that carry prototype-pollution keys as their own properties. */
export const pollutingObject: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc.constantFrom(...pollutionKeys),
    fc.constantFrom<unknown>({ polluted: true }, { prototype: { polluted: true } }, 'x', null, 1),
  )
  .map(([key, value]) => withOwnProperty({}, key, value));

/** Values of every wrong kind: text, numbers, structures, deep nesting, class instances. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileText, weight: 3 },
  { arbitrary: hostileNumber, weight: 2 },
  fc.constantFrom<unknown>(
    null,
    undefined,
    true,
    [],
    {},
    [null],
    [[[]]],
    new Date(0),
    new Date(8.64e15),
    new Map([['a', 1]]),
    new Set([1]),
    /(a+)+$/,
    new URL('http://example.test/'),
  ),
  fc.constantFrom(50, 1000).map((depth) => nested(depth, (inner) => [inner])),
  fc.constantFrom(50, 1000).map((depth) => nested(depth, (inner) => ({ a: inner }))),
  pollutingObject,
  fc.jsonValue({ maxDepth: 3 }),
);

export type Path = (string | number)[];

/** The paths to every leaf of a value: its text, numbers, empty objects and arrays. */
export function leafPaths(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leafPaths(item, [...path, index]));
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    const entries = Object.entries(value);
    if (entries.length > 0) return entries.flatMap(([key, item]) => leafPaths(item, [...path, key]));
  }
  return [path];
}

/** A copy of the value with the leaf at `path` replaced. */
export function replaceAt(value: unknown, path: Path, replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  if (Array.isArray(value)) {
    const copy: unknown[] = [...(value as unknown[])];
    copy[Number(head)] = replaceAt(copy[Number(head)], rest, replacement);
    return copy;
  }
  const base = typeof value === 'object' && value !== null ? value : {};
  return withOwnProperty(
    base,
    String(head),
    replaceAt((base as Record<string, unknown>)[head], rest, replacement),
  );
}

function mapStrings(value: unknown, change: (text: string) => string): unknown {
  if (typeof value === 'string') return change(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, change));
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, change)]));
  }
  return value;
}

export const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether text is an id or an email, which NUL would only make invalid before it reaches the use case. */
function isIdOrEmail(text: string): boolean {
  return uuidShape.test(text) || text.includes('@');
}

/**
 * Inputs for the schema, broken: the whole input or one field of a valid one replaced by a hostile
 * value, NUL or a lone surrogate slipped into every free-text field, a field dropped, pollution keys added.
 */
export function brokenArbitraryOf(root: JsonSchema, options: ArbitraryOptions = {}): fc.Arbitrary<unknown> {
  const valid = arbitraryOf(root, options);
  const fieldPaths = (value: unknown): Path[] => [
    ...leafPaths(value),
    ...Object.keys(root.properties ?? {}).map((key) => [key]),
  ];
  const pick = <T>(items: T[], index: number): T => items[index % items.length] as T;
  return fc.oneof(
    hostileValue,
    fc
      .tuple(valid, hostileValue, fc.nat())
      .map(([value, replacement, index]) => replaceAt(value, pick(fieldPaths(value), index), replacement)),
    fc
      .tuple(valid, hostileText, fc.nat())
      .map(([value, replacement, index]) => replaceAt(value, pick(fieldPaths(value), index), replacement)),
    fc
      .tuple(valid, fc.constantFrom('\u0000', '\ud800', '\udc00', '\u0000\ud800'), fc.boolean())
      .map(([value, inserted, isPrefix]) =>
        mapStrings(value, (text) =>
          isIdOrEmail(text) ? text : isPrefix ? `${inserted}${text}` : `${text}${inserted}`,
        ),
      ),
    fc.tuple(valid, fc.nat()).map(([value, index]) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
      const keys = Object.keys(value);
      const dropped = keys.length > 0 ? pick(keys, index) : undefined;
      return Object.fromEntries(Object.entries(value).filter(([key]) => key !== dropped));
    }),
    fc
      .tuple(valid, pollutingObject)
      .map(([value, polluting]) =>
        typeof value === 'object' && value !== null && !Array.isArray(value)
          ? Object.defineProperties({ ...value }, Object.getOwnPropertyDescriptors(polluting))
          : polluting,
      ),
  );
}
