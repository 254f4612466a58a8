import type { CreatedAt } from '../shared/column-types.ts';

export interface WorkspaceTable {
  id: string;
  slug: string;
  name: string;
  created_at: CreatedAt;
}
