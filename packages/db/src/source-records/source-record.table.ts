import type { Json } from '../shared/column-types.ts';

export interface SourceRecordTable {
  workspace_id: string;
  id: string;
  profile_id: string;
  source: string;
  type: string;
  name: string | null;
  attributes: Json;
  created_at: Date;
  updated_at: Date;
}

/** A record's identifiers, in order, with the record's source and type: the key identifier queries find. */
export interface SourceRecordIdentifierTable {
  workspace_id: string;
  source_record_id: string;
  position: number;
  source: string;
  record_type: string;
  type: string;
  /** the type it is matched as: `google` is `email` */
  match_type: string;
  value: string;
}

export interface ProfileIdentityTable {
  workspace_id: string;
  id: string;
  profile_id: string;
  handle: string;
  type: string;
  match_type: string;
  identifier: string;
  is_primary: boolean;
  created_at: Date;
}
