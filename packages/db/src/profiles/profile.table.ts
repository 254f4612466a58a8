import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CreatedAt, Json } from '../shared/column-types.ts';

export interface ProfileTable {
  workspace_id: string;
  id: string;
  title: string | null;
  first_name: string;
  middle_name: string | null;
  last_name: string | null;
  /** generated from first, middle and last name */
  full_name: Generated<string>;
  /** generated: the names' sort keys (name_sort_key), compared in byte order */
  first_name_key: ColumnType<string, never, never>;
  middle_name_key: ColumnType<string, never, never>;
  last_name_key: ColumnType<string, never, never>;
  full_name_key: ColumnType<string, never, never>;
  /** generated: names, emails, phones, identifiers and ids, lower-cased, for search */
  search_text: ColumnType<string, never, never>;
  /** kept by triggers: the emails, phones and identifiers other tables hold that the row does not */
  search_extra: ColumnType<string | null, never, never>;
  email: string | null;
  mobile_phone: string | null;
  secondary_phone: string | null;
  gender: string | null;
  birth_year: number | null;
  birth_month: number | null;
  birth_day: number | null;
  country_numeric_code: string | null;
  currency: string | null;
  joined_at: Date | null;
  company: string | null;
  occupation: string | null;
  avatar_url: string | null;
  preferred_location_id: string | null;
  joined_location_id: string | null;
  tier_id: string | null;
  tags: Generated<string[]>;
  statuses: Generated<string[]>;
  addresses: Json;
  lifecycle: Generated<string>;
  lifecycle_before_delete: string | null;
  enabled: Generated<boolean>;
  integration_uuid: string | null;
  /** kept by a trigger: the identifier of the profile's primary identity */
  external_id: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Date;
}

export type ProfileRow = Selectable<ProfileTable>;

export interface ContactPointTable {
  workspace_id: string;
  id: string;
  profile_id: string;
  key: string;
  value: string;
  uuid: string | null;
  created_at: Date;
  updated_at: Date;
}
