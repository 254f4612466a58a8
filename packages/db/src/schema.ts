import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Role } from '@tessera/domain';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type Json = ColumnType<unknown, string | null, string | null>;

export interface WorkspaceTable {
  id: string;
  slug: string;
  name: string;
  created_at: CreatedAt;
}

export interface MemberTable {
  workspace_id: string;
  id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string | null;
  created_at: CreatedAt;
}

export interface SessionTable {
  workspace_id: string;
  id: string;
  member_id: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Date;
}

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
}

export interface AuditEntryTable {
  workspace_id: string;
  id: string;
  actor_member_id: string | null;
  actor_token_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: Json;
  after: Json;
  request_id: string | null;
  ip: string | null;
  created_at: CreatedAt;
}

export interface ProfileTable {
  workspace_id: string;
  id: string;
  first_name: string;
  middle_name: string | null;
  last_name: string | null;
  email: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Date;
}

export interface Database {
  workspaces: WorkspaceTable;
  members: MemberTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_entries: AuditEntryTable;
  profiles: ProfileTable;
}

export type ProfileRow = Selectable<ProfileTable>;
