import type { Role } from '@tessera/domain';
import type { CreatedAt } from '../shared/column-types.ts';

export interface MemberTable {
  workspace_id: string;
  id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string | null;
  created_at: CreatedAt;
}
