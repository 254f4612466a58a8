import type { Compilable, CompiledQuery } from 'kysely';
import type pg from 'pg';
import type { Executor } from '../client.ts';

/** Statement names by SQL text: the hot queries that run as named prepared statements. */
const statementNames = new Map<string, string>();
const statementTexts = new Map<string, string>();

/**
 * Runs a query as a named prepared statement where the driver is `pg`: PostgreSQL parses and
 * plans it once per connection instead of on every call (Kysely sends unnamed statements), which
 * lifts point lookups by about 45 % (README, Performance). Elsewhere it runs as usual.
 */
export async function executePrepared<R>(
  db: Executor,
  name: string,
  compiled: CompiledQuery<R>,
): Promise<R[]> {
  const known = statementTexts.get(name);
  if (known === undefined) {
    statementTexts.set(name, compiled.sql);
    statementNames.set(compiled.sql, name);
  } else if (known !== compiled.sql) {
    throw new Error(`the prepared statement ${name} was given two different texts`);
  }
  return (await db.executeQuery(compiled)).rows;
}

/** What a query compiled once is built with in place of each parameter: text no input can hold. */
const standIn = (index: number) => `\u0000parameter ${index}`;

/**
 * A query built and compiled once, then given new parameters on every call: building and compiling
 * a Kysely query costs more than a point lookup's own work in Node. `build` must pass each
 * parameter through to the SQL as it is (compared with `=`, not transformed).
 */
export function compiledOnce<P extends string[], R>(
  build: (db: Executor, ...parameters: P) => Compilable<R>,
): (db: Executor, ...parameters: P) => CompiledQuery<R> {
  let compiled: CompiledQuery<R> | undefined;
  let positions: (number | undefined)[] = [];
  return (db, ...parameters) => {
    if (compiled === undefined) {
      const standIns = parameters.map((_, index) => standIn(index)) as P;
      compiled = build(db, ...standIns).compile();
      positions = compiled.parameters.map((value) => {
        const index = standIns.indexOf(value as string);
        return index === -1 ? undefined : index;
      });
      if (new Set(positions.filter((index) => index !== undefined)).size !== standIns.length) {
        throw new Error('compiledOnce: a parameter did not reach the SQL as it was given');
      }
    }
    const template = compiled;
    return {
      ...template,
      parameters: template.parameters.map((value, index) => {
        const position = positions[index];
        return position === undefined ? value : parameters[position];
      }),
    };
  };
}

type QueryFn = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;

/** Makes every client of the pool send the registered texts as named statements. */
export function prepareStatementsOn(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as unknown as (
      config: pg.QueryConfig | string,
      values?: unknown[],
    ) => Promise<pg.QueryResult>;
    const named: QueryFn = (text, values) => {
      const name = typeof text === 'string' ? statementNames.get(text) : undefined;
      return name === undefined ? query(text, values) : query({ name, text, values: values ?? [] });
    };
    client.query = named as unknown as typeof client.query;
  });
}
