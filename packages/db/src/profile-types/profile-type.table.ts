import type { Json } from '../shared/column-types.ts';

export interface ProfileTypeTable {
  workspace_id: string;
  id: string;
  object_kind: string;
  slug: string;
  title: string;
  description: string | null;
  badge_color: string | null;
  category: string;
  default_workflow_id: string | null;
  default_values: Json;
  created_at: Date;
  updated_at: Date;
}

/** The attribute definitions a type bundles, in order. */
export interface ProfileTypeAttributeTable {
  workspace_id: string;
  profile_type_id: string;
  object_kind: string;
  attribute_slug: string;
  position: number;
}

/** A record (by object kind and id) that adopted a type. */
export interface ProfileTypeAdoptionTable {
  workspace_id: string;
  object_kind: string;
  record_id: string;
  profile_type_id: string;
  adopted_at: Date;
}

/** A record's custom attribute values, by slug, those of types it detached included. */
export interface AttributeValuesTable {
  workspace_id: string;
  object_kind: string;
  record_id: string;
  attributes: Json;
  updated_at: Date;
}
