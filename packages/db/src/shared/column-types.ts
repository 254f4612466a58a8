import type { ColumnType } from 'kysely';

/** Set by the database when a row is made, never changed. */
export type CreatedAt = ColumnType<Date, Date | undefined, never>;
/** A jsonb column: written as JSON text (pg would turn a JS array into a PG array), read as a value. */
export type Json = ColumnType<unknown, string | null, string | null>;
