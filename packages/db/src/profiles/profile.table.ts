import type { Generated, Selectable } from 'kysely';
import type { CreatedAt } from '../shared/column-types.ts';

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

export type ProfileRow = Selectable<ProfileTable>;
