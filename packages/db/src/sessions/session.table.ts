import type { CreatedAt } from '../shared/column-types.ts';

export interface SessionTable {
  workspace_id: string;
  id: string;
  member_id: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Date;
}
