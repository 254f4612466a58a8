import { describe, expect, it } from 'vitest';
import { appRouter } from './router.ts';
import { jsonSchemaOf, proceduresOf, type JsonSchema } from './testing/arbitrary-input.ts';

/** The paths of the objects in a schema that would take a key they do not name and drop it. */
function lenientObjects(root: JsonSchema): string[] {
  const found = new Set<string>();
  const seen = new Set<JsonSchema>();
  function walk(node: JsonSchema | undefined, path: string) {
    if (!node || seen.has(node)) return;
    seen.add(node);
    if (node.properties && (node as { additionalProperties?: unknown }).additionalProperties !== false) {
      found.add(path || '(input)');
    }
    for (const [key, child] of Object.entries(node.properties ?? {}))
      walk(child, path ? `${path}.${key}` : key);
    walk(node.items, `${path}[]`);
    for (const child of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])])
      walk(child, path);
    for (const child of node.prefixItems ?? []) walk(child, `${path}[]`);
    const additional = (node as { additionalProperties?: unknown }).additionalProperties;
    if (typeof additional === 'object' && additional !== null) walk(additional, `${path}.*`);
    for (const [name, child] of Object.entries(node.$defs ?? {})) walk(child, `$defs.${name}`);
  }
  walk(root, '');
  return [...found];
}

describe('procedure inputs', () => {
  it('refuse keys they do not know, at every depth of every procedure', () => {
    const lenient = proceduresOf(appRouter).flatMap(({ path, input }) =>
      input ? lenientObjects(jsonSchemaOf(input)).map((at) => `${path}: ${at}`) : [],
    );
    expect(lenient).toEqual([]);
  });
});
