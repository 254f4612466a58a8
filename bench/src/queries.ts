// The SQL the bare `pg` client and the minimal server run: what Tessera's own queries compile to
// (captured in run.ts from Kysely), with sentinels where a request's values go.

/** A statement with sentinel values, as JSON carries it (dates as ISO strings). */
export interface Template {
  text: string;
  values: unknown[];
}

export interface Templates {
  get: Template;
  getByEmail: Template;
  create: Template;
  update: Template;
  search: Template;
  listFirst: Template;
  listCursor: Template;
  listOffset: Template;
}

export const sentinels = {
  term: 'qqtermqq',
  id: '00000000-0000-4000-8000-00000000abcd',
  email: 'sentinel@bench.test',
  value: '2001-01-01T00:00:00.000Z',
  offset: 987_654,
} as const;

/** The values of a template for one request. */
export function bind(
  template: Template,
  vars: { term?: string; id?: string; value?: string; offset?: number },
): unknown[] {
  return template.values.map((value) => {
    if (value === sentinels.id && vars.id !== undefined) return vars.id;
    if (value === sentinels.value && vars.value !== undefined) return vars.value;
    if (value === sentinels.offset && vars.offset !== undefined) return vars.offset;
    if (typeof value === 'string' && vars.term !== undefined && value.includes(sentinels.term)) {
      return value.replaceAll(sentinels.term, vars.term);
    }
    return value;
  });
}

/** A list cursor as Tessera encodes it: base64url of [sort, value, id]. */
export function encodeCursor(sort: string, value: string, id: string): string {
  return Buffer.from(JSON.stringify([sort, value, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { value: string; id: string } {
  const [, value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, string, string];
  return { value, id };
}
