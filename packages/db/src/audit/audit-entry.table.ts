import type { Generated } from 'kysely';
import type { CreatedAt, Json } from '../shared/column-types.ts';

export interface AuditEntryTable {
  workspace_id: string;
  id: string;
  actor_member_id: string | null;
  actor_token_id: string | null;
  actor_session_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: Json;
  after: Json;
  request_id: string | null;
  ip: string | null;
  created_at: CreatedAt;
  /** the order entries were written in, among those of the same time */
  position: Generated<string>;
}
