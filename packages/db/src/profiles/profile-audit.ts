import type { Profile } from '@tessera/domain';
import { sql, type RawBuilder } from 'kysely';

/** What a profile's audit entry keeps of it, by key, with the column each key is read from in SQL. */
const auditedColumns = {
  firstName: 'first_name',
  middleName: 'middle_name',
  lastName: 'last_name',
  email: 'email',
  version: 'version',
} as const satisfies Partial<Record<keyof Profile, string>>;

export type AuditedProfile = Pick<Profile, keyof typeof auditedColumns>;

/** A profile's audit snapshot, for entries written from TypeScript. */
export function auditedProfile(profile: AuditedProfile): AuditedProfile {
  const { firstName, middleName, lastName, email, version } = profile;
  return { firstName, middleName, lastName, email, version };
}

/** The same snapshot built in SQL from a row of `profiles` named `table`, for entries written by a statement. */
export function auditedProfileJson(table: RawBuilder<unknown>): RawBuilder<unknown> {
  const pairs = Object.entries(auditedColumns).map(
    ([key, column]) => sql`${sql.lit(key)}, ${table}.${sql.ref(column)}`,
  );
  return sql`jsonb_build_object(${sql.join(pairs)})`;
}
