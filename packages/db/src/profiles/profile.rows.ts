import {
  fullName,
  type AdoptedProfileType,
  type Address,
  type Gender,
  type JsonObject,
  type Lifecycle,
  type Profile,
} from '@tessera/domain';
import { sql } from 'kysely';
import { adoptedTypesJson, storedValuesJson } from '../attribute-values/record-attributes.queries.ts';
import type { ProfileRow } from './profile.table.ts';

/** The columns a `Profile` is read from. */
export const profileColumns = [
  'workspace_id',
  'id',
  'title',
  'first_name',
  'middle_name',
  'last_name',
  'email',
  'mobile_phone',
  'secondary_phone',
  'gender',
  'birth_year',
  'birth_month',
  'birth_day',
  'country_numeric_code',
  'currency',
  'joined_at',
  'company',
  'occupation',
  'avatar_url',
  'preferred_location_id',
  'joined_location_id',
  'tier_id',
  'tags',
  'statuses',
  'addresses',
  'lifecycle',
  'enabled',
  'integration_uuid',
  'external_id',
  'version',
  'created_at',
  'updated_at',
] as const;

/**
 * A profile's profile types and custom attribute values, read by the statement that reads the
 * profile from `table` (a correlated subquery each, an index lookup for a profile without any).
 */
export function profileAttributeColumns(table: string) {
  const workspaceId = sql.ref<string>(`${table}.workspace_id`);
  const id = sql.ref<string>(`${table}.id`);
  return [
    adoptedTypesJson('contacts', workspaceId, id).as('profile_types'),
    storedValuesJson('contacts', workspaceId, id).as('custom_attributes'),
  ] as const;
}

/** Everything a `Profile` is read from, in a statement over `profiles`. */
export const profileSelection = [...profileColumns, ...profileAttributeColumns('profiles')] as const;

export type ProfileColumnsRow = Pick<ProfileRow, (typeof profileColumns)[number]> & {
  profile_types: AdoptedProfileType[];
  custom_attributes: JsonObject;
};

export function toProfile(row: ProfileColumnsRow): Profile {
  const name = { firstName: row.first_name, middleName: row.middle_name, lastName: row.last_name };
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    title: row.title,
    ...name,
    fullName: fullName(name),
    email: row.email,
    mobilePhone: row.mobile_phone,
    secondaryPhone: row.secondary_phone,
    // The database's check constraints allow only these values.
    gender: row.gender as Gender | null,
    birthYear: row.birth_year,
    birthMonth: row.birth_month,
    birthDay: row.birth_day,
    countryNumericCode: row.country_numeric_code,
    currency: row.currency,
    joinedAt: row.joined_at,
    company: row.company,
    occupation: row.occupation,
    avatarUrl: row.avatar_url,
    preferredLocationId: row.preferred_location_id,
    joinedLocationId: row.joined_location_id,
    tierId: row.tier_id,
    tags: row.tags,
    statuses: row.statuses,
    addresses: row.addresses as Address[],
    lifecycle: row.lifecycle as Lifecycle,
    enabled: row.enabled,
    integrationUuid: row.integration_uuid,
    externalId: row.external_id,
    profileTypes: row.profile_types,
    customAttributes: row.custom_attributes,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The fields a client writes, as the columns they are stored in. */
export type ProfileFields = Omit<
  Profile,
  | 'id'
  | 'workspaceId'
  | 'fullName'
  | 'tierId'
  | 'externalId'
  | 'profileTypes'
  | 'customAttributes'
  | 'lifecycle'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
> & { lifecycle: Exclude<Lifecycle, 'deleted'> };

export function toProfileColumns(fields: ProfileFields) {
  return {
    title: fields.title,
    first_name: fields.firstName,
    middle_name: fields.middleName,
    last_name: fields.lastName,
    email: fields.email,
    mobile_phone: fields.mobilePhone,
    secondary_phone: fields.secondaryPhone,
    gender: fields.gender,
    birth_year: fields.birthYear,
    birth_month: fields.birthMonth,
    birth_day: fields.birthDay,
    country_numeric_code: fields.countryNumericCode,
    currency: fields.currency,
    joined_at: fields.joinedAt,
    company: fields.company,
    occupation: fields.occupation,
    avatar_url: fields.avatarUrl,
    preferred_location_id: fields.preferredLocationId,
    joined_location_id: fields.joinedLocationId,
    tags: fields.tags,
    statuses: fields.statuses,
    addresses: JSON.stringify(fields.addresses),
    lifecycle: fields.lifecycle,
    enabled: fields.enabled,
    integration_uuid: fields.integrationUuid,
  };
}
