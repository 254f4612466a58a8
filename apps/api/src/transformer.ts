import { TRPCError } from '@trpc/server';
import superjson from 'superjson';

/**
 * superjson on the wire, with every input checked before superjson walks it. superjson trusts its
 * envelope: a `meta` tree it does not expect (`{"x": ["custom", "Foo"]}`) recurses until the stack
 * overflows, a path through `__proto__` or `constructor.prototype` reaches object prototypes, and a
 * value nested deeply enough overflows its copy of `json`. Here such an envelope is a cheap 400 that
 * names what is wrong, and whatever superjson still refuses (an invalid bigint or URL) is a 400 too.
 */
export const transformer = {
  input: { serialize: (value: unknown) => superjson.serialize(value), deserialize: deserializeInput },
  output: {
    serialize: serializeOutput,
    deserialize: (value: unknown) => superjson.deserialize(value as never),
  },
};

/** The deepest nesting accepted in an input's `json`, and in its `meta` tree. */
export const maxInputDepth = 32;
/** The most annotations and referential-equality paths one input's `meta` may hold. */
const maxMetaEntries = 10_000;
/** What an input may be annotated as: the transformations of plain data. Classes, symbols and custom types are not. */
const acceptedAnnotations = new Set(['undefined', 'Date', 'bigint', 'number', 'set', 'map']);
const forbiddenPathKeys = new Set(['__proto__', 'constructor', 'prototype']);

function refuse(message: string, cause?: unknown): never {
  throw new TRPCError({ code: 'BAD_REQUEST', message: `Malformed input: ${message}`, cause });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The keys of a superjson path (`a.b\.c` is `a`, `b.c`), refused if one reaches a prototype. */
function checkPath(path: string, where: string, isLegacy: boolean): void {
  const keys: string[] = [];
  let key = '';
  for (let i = 0; i < path.length; i++) {
    const char = path[i];
    const next = path[i + 1];
    if (char === '\\' && (next === '.' || (!isLegacy && next === '\\'))) {
      key += next;
      i++;
    } else if (char === '\\' && !isLegacy) {
      refuse(`${where}: the path "${path}" has a backslash that escapes nothing`);
    } else if (char === '.') {
      keys.push(key);
      key = '';
    } else {
      key += char;
    }
  }
  keys.push(key);
  const forbidden = keys.find((part) => forbiddenPathKeys.has(part));
  if (forbidden !== undefined) refuse(`${where}: the path "${path}" goes through "${forbidden}"`);
}

/** Checks `json` iteratively, so that no depth of nesting can overflow the stack here. */
function checkJson(json: unknown): void {
  const pending: { value: unknown; depth: number }[] = [{ value: json, depth: 0 }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { value, depth } = item;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= maxInputDepth) refuse(`json: nested deeper than ${maxInputDepth} levels`);
    if (Array.isArray(value)) {
      for (const element of value) pending.push({ value: element, depth: depth + 1 });
      continue;
    }
    for (const [key, element] of Object.entries(value)) {
      if (key === '__proto__') refuse('json: a key may not be "__proto__"');
      pending.push({ value: element, depth: depth + 1 });
    }
  }
}

function checkMeta(meta: unknown): void {
  if (!isPlainObject(meta)) refuse('meta: must be an object');
  const version = meta.v ?? 0;
  if (version !== 0 && version !== 1) refuse('meta.v: must be 1');
  const isLegacy = version === 0;
  let entries = 0;
  const count = (where: string) => {
    if (++entries > maxMetaEntries) refuse(`${where}: more than ${maxMetaEntries} entries`);
  };

  // A tree is an annotated node `[annotation, children?]` or an object of paths to trees.
  const pending: { tree: unknown; where: string; depth: number }[] = [];
  if (meta.values !== undefined) pending.push({ tree: meta.values, where: 'meta.values', depth: 0 });
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { tree, where, depth } = item;
    count(where);
    if (depth >= maxInputDepth) refuse(`${where}: nested deeper than ${maxInputDepth} levels`);
    let children: unknown = tree;
    if (Array.isArray(tree)) {
      const [annotation, nested, ...rest] = tree as unknown[];
      if (typeof annotation !== 'string' || !acceptedAnnotations.has(annotation)) {
        refuse(`${where}: ${JSON.stringify(annotation) ?? 'nothing'} is not a type this API accepts`);
      }
      if (rest.length > 0) refuse(`${where}: an annotation is [type] or [type, children]`);
      if (nested === undefined) continue;
      children = nested;
    }
    if (!isPlainObject(children)) refuse(`${where}: children must be an object of paths`);
    for (const [path, child] of Object.entries(children)) {
      checkPath(path, where, isLegacy);
      pending.push({ tree: child, where: `${where}.${path}`, depth: depth + 1 });
    }
  }

  const equalities = meta.referentialEqualities;
  if (equalities === undefined) return;
  const where = 'meta.referentialEqualities';
  const checkPaths = (paths: unknown) => {
    if (!Array.isArray(paths) || !paths.every((path) => typeof path === 'string')) {
      refuse(`${where}: must list paths`);
    }
    for (const path of paths) {
      count(where);
      checkPath(path, where, isLegacy);
    }
  };
  const checkGroups = (groups: unknown) => {
    if (!isPlainObject(groups)) refuse(`${where}: must be an object of paths`);
    for (const [path, identical] of Object.entries(groups)) {
      checkPath(path, where, isLegacy);
      checkPaths(identical);
    }
  };
  if (Array.isArray(equalities)) {
    const [rootPaths, groups, ...rest] = equalities as unknown[];
    if (rest.length > 0) refuse(`${where}: must be [paths] or [paths, groups]`);
    checkPaths(rootPaths);
    if (groups !== undefined) checkGroups(groups);
  } else {
    checkGroups(equalities);
  }
}

export function deserializeInput(payload: unknown): unknown {
  if (!isPlainObject(payload)) refuse('an input must be an object such as {"json": …}');
  checkJson(payload.json);
  if (payload.meta !== undefined) checkMeta(payload.meta);
  try {
    return superjson.deserialize(payload as unknown as Parameters<typeof superjson.deserialize>[0]);
  } catch (cause) {
    refuse(cause instanceof Error ? cause.message : 'superjson could not read it', cause);
  }
}

type Annotations = Record<string, [string]>;

/** superjson's escaping of one key in an annotation's path. */
const escapeKey = (key: string) =>
  key.includes('.') || key.includes('\\') ? key.replace(/\\/g, '\\\\').replace(/\./g, '\\.') : key;

/** Where the answer's own annotation is kept while walking: no path ends in one unescaped backslash. */
const rootPath = '\\';

/**
 * The path of `key` under `parent`: a parent undefined is the answer itself (whose annotation
 * superjson writes as `values` alone), null the answer as parent, else the parent's path.
 */
function pathOf(parent: string | null | undefined, key: string): string {
  if (parent === undefined) return rootPath;
  return parent === null ? escapeKey(key) : `${parent}.${escapeKey(key)}`;
}

/**
 * Adds to `annotations` what superjson would note of `value`, the `key` of `parent` (see
 * {@link pathOf}): a Date or an undefined. False if it holds anything but plain data. A path is
 * only written out where a value needs an annotation.
 */
function annotate(
  value: unknown,
  parent: string | null | undefined,
  key: string,
  annotations: Annotations,
): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      // NaN, the infinities and -0 are annotated by superjson.
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'undefined':
      annotations[pathOf(parent, key)] = ['undefined'];
      return true;
    case 'object': {
      if (value === null) return true;
      if (value instanceof Date) {
        annotations[pathOf(parent, key)] = ['Date'];
        return !Number.isNaN(value.getTime());
      }
      const path = parent === undefined ? null : pathOf(parent, key);
      if (Array.isArray(value)) {
        for (let index = 0; index < value.length; index++) {
          if (!annotate(value[index], path, String(index), annotations)) return false;
        }
        return true;
      }
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null) return false;
      for (const name of Object.keys(value)) {
        if (name === '__proto__') return false;
        if (!annotate((value as Record<string, unknown>)[name], path, name, annotations)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/**
 * superjson's envelope for an answer, for plain data (objects, arrays, strings, finite numbers,
 * booleans, null, undefined, Dates): what every procedure answers. The answer itself is the `json`,
 * for JSON.stringify to write (a Date as its ISO string, as superjson writes it; a key whose value
 * is undefined left out, which its annotation restores); only the annotations are worked out here.
 * superjson would copy the answer and record each object's paths to mark shared references, which
 * costs more than the rest of a read; a shared object is simply written twice, and reads back
 * equal. Anything else goes to superjson.
 */
export function serializeOutput(value: unknown): { json: unknown; meta?: { values: unknown; v: 1 } } {
  const annotations: Annotations = {};
  if (!annotate(value, undefined, '', annotations)) {
    return superjson.serialize(value) as { json: unknown; meta?: { values: unknown; v: 1 } };
  }
  const root = annotations[rootPath];
  if (root !== undefined) return { json: root[0] === 'Date' ? value : null, meta: { values: root, v: 1 } };
  for (const _path in annotations) return { json: value, meta: { values: annotations, v: 1 } };
  return { json: value };
}
