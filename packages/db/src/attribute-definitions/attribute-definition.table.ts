import type { Json } from '../shared/column-types.ts';

export interface AttributeDefinitionTable {
  workspace_id: string;
  id: string;
  object_kind: string;
  slug: string;
  label: string;
  description: string | null;
  data_type: string;
  is_required: boolean;
  /** `[{value, label}]` */
  options: Json;
  min: number | null;
  max: number | null;
  min_length: number | null;
  max_length: number | null;
  pattern: string | null;
  created_at: Date;
  updated_at: Date;
}
