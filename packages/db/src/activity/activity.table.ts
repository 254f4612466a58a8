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
