import type { ColumnType } from 'kysely';
import type { Json } from '../shared/column-types.ts';

export interface OrganizationTable {
  workspace_id: string;
  id: string;
  name: string;
  external_id: string | null;
  domain: string | null;
  created_at: Date;
  updated_at: Date;
  /** name, external id and domain, lower-cased, for the trigram search (generated) */
  search_text: ColumnType<string, never, never>;
  /** the name's sort key (name_sort_key), compared in byte order (generated) */
  name_key: ColumnType<string, never, never>;
}

/** A profile's place in an organization, with the attributes it has there. */
export interface MembershipTable {
  workspace_id: string;
  organization_id: string;
  profile_id: string;
  is_contact: boolean;
  is_key_contact: boolean;
  attributes: Json;
  created_at: Date;
  updated_at: Date;
}

/** The organizations a member limited to organizations may see (`members.organization_scoped`). */
export interface MemberOrganizationScopeTable {
  workspace_id: string;
  member_id: string;
  organization_id: string;
}
