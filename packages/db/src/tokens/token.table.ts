import type { Generated } from 'kysely';
import type { CreatedAt } from '../shared/column-types.ts';

export interface ApiTokenTable {
  workspace_id: string;
  id: string;
  member_id: string;
  name: string;
  token_hash: string;
  last_four: string;
  created_at: CreatedAt;
  last_used_at: Date | null;
  revoked_at: Date | null;
  read_only: Generated<boolean>;
}
