import type { AuditEntryTable } from './audit/audit-entry.table.ts';
import type { MemberTable } from './members/member.table.ts';
import type { ContactPointTable, ProfileTable } from './profiles/profile.table.ts';
import type { SessionTable } from './sessions/session.table.ts';
import type {
  ProfileIdentityTable,
  SourceRecordIdentifierTable,
  SourceRecordTable,
} from './source-records/source-record.table.ts';
import type { ApiTokenTable } from './tokens/token.table.ts';
import type {
  LocationTable,
  ProfileStatusTable,
  TierTable,
  WorkspaceSettingsTable,
} from './workspace-settings/workspace-settings.table.ts';
import type { WorkspaceTable } from './workspaces/workspace.table.ts';
import type { AttributeDefinitionTable } from './attribute-definitions/attribute-definition.table.ts';
import type {
  AttributeValuesTable,
  ProfileTypeAdoptionTable,
  ProfileTypeAttributeTable,
  ProfileTypeTable,
} from './profile-types/profile-type.table.ts';
import type { WorkflowPositionTable, WorkflowStageTable, WorkflowTable } from './workflows/workflow.table.ts';
import type {
  MemberOrganizationScopeTable,
  MembershipTable,
  OrganizationTable,
} from './organizations/organization.table.ts';
import type {
  RelationshipDefinitionTable,
  RelationshipLinkTable,
} from './relationships/relationship.table.ts';
import type {
  CampaignEventTable,
  UsageDayCountTable,
  UsageDayZoneTable,
  UsageModuleDayCountTable,
  UsageOrganizationDayCountTable,
  UsageEventTable,
} from './activity/activity.table.ts';
import type { SurveyResponseTable } from './surveys/survey-response.table.ts';

/** Every table, by name; each feature's table is described beside its queries. */
export interface Database {
  workspaces: WorkspaceTable;
  members: MemberTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_entries: AuditEntryTable;
  profiles: ProfileTable;
  contact_points: ContactPointTable;
  workspace_settings: WorkspaceSettingsTable;
  locations: LocationTable;
  tiers: TierTable;
  profile_statuses: ProfileStatusTable;
  source_records: SourceRecordTable;
  source_record_identifiers: SourceRecordIdentifierTable;
  profile_identities: ProfileIdentityTable;
  attribute_definitions: AttributeDefinitionTable;
  profile_types: ProfileTypeTable;
  profile_type_attributes: ProfileTypeAttributeTable;
  profile_type_adoptions: ProfileTypeAdoptionTable;
  attribute_values: AttributeValuesTable;
  workflows: WorkflowTable;
  workflow_stages: WorkflowStageTable;
  workflow_positions: WorkflowPositionTable;
  relationship_definitions: RelationshipDefinitionTable;
  relationship_links: RelationshipLinkTable;
  organizations: OrganizationTable;
  memberships: MembershipTable;
  member_organization_scopes: MemberOrganizationScopeTable;
  campaign_events: CampaignEventTable;
  usage_events: UsageEventTable;
  usage_day_counts: UsageDayCountTable;
  usage_day_zones: UsageDayZoneTable;
  usage_organization_day_counts: UsageOrganizationDayCountTable;
  usage_module_day_counts: UsageModuleDayCountTable;
  survey_responses: SurveyResponseTable;
}
