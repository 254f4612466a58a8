import type { Generated } from 'kysely';

export interface WorkspaceSettingsTable {
  workspace_id: string;
  default_phone_region: string | null;
  time_zone: Generated<string>;
  currencies: Generated<string[]>;
  source_records_per_profile_max: Generated<number>;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export interface LocationTable {
  workspace_id: string;
  id: string;
  name: string;
  external_id: string | null;
}

export interface TierTable {
  workspace_id: string;
  id: string;
  handle: string;
  name: string;
  rank: number;
}

export interface ProfileStatusTable {
  workspace_id: string;
  handle: string;
  name: string;
}
