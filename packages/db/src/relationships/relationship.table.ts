export interface RelationshipDefinitionTable {
  workspace_id: string;
  id: string;
  slug: string;
  name: string;
  description: string | null;
  source_kind: string;
  target_kind: string;
  cardinality: string;
  target_profile_type_id: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A link, with its definition's kinds, cardinality and scope copied for the database to enforce. */
export interface RelationshipLinkTable {
  workspace_id: string;
  relationship_id: string;
  cardinality: string;
  source_kind: string;
  source_id: string;
  target_kind: string;
  target_id: string;
  target_profile_type_id: string | null;
  created_at: Date;
}
