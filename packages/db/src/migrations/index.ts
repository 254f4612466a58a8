import type { Migration, MigrationProvider } from 'kysely';
import * as createFoundation from './202611231400_create_foundation.ts';
import * as keySecretsByWorkspace from './202611291200_key_secrets_by_workspace.ts';
import * as requireAuditBeforeOnUpdate from './202611291210_require_audit_before_on_update.ts';
import * as completeTheProfile from './202611291300_complete_the_profile.ts';
import * as indexProfileLists from './202611291400_index_profile_lists.ts';
import * as searchProfiles from './202611291500_search_profiles.ts';
import * as sourceRecords from './202611291700_source_records.ts';
import * as profileExternalId from './202611291750_profile_external_id.ts';
import * as createProfileTypes from './202611291900_create_profile_types.ts';
import * as orderAuditEntries from './202611291950_order_audit_entries.ts';
import * as organizations from './202612030800_organizations.ts';
import * as activity from './202612030900_activity.ts';
import * as keepProfileSettings from './202612071000_keep_profile_settings.ts';
import * as keepContactPointIds from './202612071010_keep_contact_point_ids.ts';
import * as sortNamesAlike from './202612071100_sort_names_alike.ts';
import * as searchEveryIdentity from './202612071110_search_every_identity.ts';
import * as indexProfileSegments from './202612071120_index_profile_segments.ts';
import * as readOnlyTokens from './202612071300_read_only_tokens.ts';
import * as auditHistory from './202612071310_audit_history.ts';
import * as countUsageByDay from './202612071200_count_usage_by_day.ts';
import * as createSurveyResponses from './202612071500_create_survey_responses.ts';

/** Every migration, by name; names sort in the order they apply. */
export const migrations: Record<string, Migration> = {
  '202611231400_create_foundation': createFoundation,
  '202611291200_key_secrets_by_workspace': keySecretsByWorkspace,
  '202611291210_require_audit_before_on_update': requireAuditBeforeOnUpdate,
  '202611291300_complete_the_profile': completeTheProfile,
  '202611291400_index_profile_lists': indexProfileLists,
  '202611291500_search_profiles': searchProfiles,
  '202611291700_source_records': sourceRecords,
  '202611291750_profile_external_id': profileExternalId,
  '202611291900_create_profile_types': createProfileTypes,
  '202611291950_order_audit_entries': orderAuditEntries,
  '202612030800_organizations': organizations,
  '202612030900_activity': activity,
  '202612071000_keep_profile_settings': keepProfileSettings,
  '202612071010_keep_contact_point_ids': keepContactPointIds,
  '202612071100_sort_names_alike': sortNamesAlike,
  '202612071110_search_every_identity': searchEveryIdentity,
  '202612071120_index_profile_segments': indexProfileSegments,
  '202612071300_read_only_tokens': readOnlyTokens,
  '202612071310_audit_history': auditHistory,
  '202612071200_count_usage_by_day': countUsageByDay,
  '202612071500_create_survey_responses': createSurveyResponses,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
