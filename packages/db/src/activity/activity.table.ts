/** What happened with a campaign sent to a profile; goes with the profile. */
export interface CampaignEventTable {
  workspace_id: string;
  id: string;
  profile_id: string;
  campaign_id: string;
  campaign_name: string;
  stage: string;
  occurred_at: Date;
}

/** A use of a product in an organization, with the profile's id and email as recorded; both null once erased. */
export interface UsageEventTable {
  workspace_id: string;
  id: string;
  organization_id: string;
  profile_id: string | null;
  email: string | null;
  module: string;
  activity: string;
  occurred_at: Date;
}

/** How many usage events an organization had in a module on a day, kept by the database as events are stored. */
export interface UsageDayCountTable {
  workspace_id: string;
  /** A calendar day in the time zone of the workspace's usage_day_zones row. */
  day: string;
  organization_id: string;
  module: string;
  count: string;
}

/** The time zone the workspace's usage day counts are in. */
export interface UsageDayZoneTable {
  workspace_id: string;
  time_zone: string;
}

/** The usage of an organization on a day, all modules together. */
export interface UsageOrganizationDayCountTable {
  workspace_id: string;
  day: string;
  organization_id: string;
  count: string;
}

/** The usage of a module on a day, all organizations together. */
export interface UsageModuleDayCountTable {
  workspace_id: string;
  day: string;
  module: string;
  count: string;
}
