import type { Role } from '@tessera/domain';
import type { ColumnType } from 'kysely';
import type { CreatedAt } from '../shared/column-types.ts';

export interface MemberTable {
  workspace_id: string;
  id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string | null;
  created_at: CreatedAt;
  /** limited to the organizations listed for it in `member_organization_scopes` */
  organization_scoped: ColumnType<boolean, boolean | undefined, boolean>;
}
