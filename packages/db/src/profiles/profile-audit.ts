import type { Profile } from '@tessera/domain';
import { sql, type RawBuilder } from 'kysely';

/**
 * What a profile's audit entry keeps of it, by key, with the column each key is read from in SQL:
 * every stored field, so that an entry's `before` is the whole state it replaced.
 */
const auditedColumns = {
  title: 'title',
  firstName: 'first_name',
  middleName: 'middle_name',
  lastName: 'last_name',
  email: 'email',
  mobilePhone: 'mobile_phone',
  secondaryPhone: 'secondary_phone',
  gender: 'gender',
  birthYear: 'birth_year',
  birthMonth: 'birth_month',
  birthDay: 'birth_day',
  countryNumericCode: 'country_numeric_code',
  currency: 'currency',
  joinedAt: 'joined_at',
  company: 'company',
  occupation: 'occupation',
  avatarUrl: 'avatar_url',
  preferredLocationId: 'preferred_location_id',
  joinedLocationId: 'joined_location_id',
  tierId: 'tier_id',
  tags: 'tags',
  statuses: 'statuses',
  addresses: 'addresses',
  lifecycle: 'lifecycle',
  enabled: 'enabled',
  integrationUuid: 'integration_uuid',
  version: 'version',
} as const satisfies Partial<Record<keyof Profile, string>>;

type AuditedKey = keyof typeof auditedColumns;
/** Timestamps are kept as ISO 8601 text in UTC with milliseconds, as JavaScript writes them. */
export type AuditedProfile = Omit<Pick<Profile, AuditedKey>, 'joinedAt'> & { joinedAt: string | null };

/** A profile's audit snapshot, for entries written from TypeScript. */
export function auditedProfile(profile: Pick<Profile, AuditedKey>): AuditedProfile {
  const snapshot = Object.fromEntries(
    Object.keys(auditedColumns).map((key) => [key, profile[key as AuditedKey]]),
  ) as Pick<Profile, AuditedKey>;
  return { ...snapshot, joinedAt: profile.joinedAt?.toISOString() ?? null };
}

/** The same snapshot built in SQL from a row of `profiles` named `table`, for entries written by a statement. */
export function auditedProfileJson(table: RawBuilder<unknown>): RawBuilder<unknown> {
  const pairs = Object.entries(auditedColumns).map(([key, column]) => {
    const value =
      column === 'joined_at'
        ? sql`to_char(${table}.${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
        : sql`${table}.${sql.ref(column)}`;
    return sql`${sql.lit(key)}, ${value}`;
  });
  return sql`jsonb_build_object(${sql.join(pairs)})`;
}
