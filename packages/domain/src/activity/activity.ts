import { refuseFutureTimes } from '../shared/batch.ts';

/** What happened with a campaign sent to a profile, in the order a campaign reaches them (reference 004). */
export const campaignStages = ['sent', 'viewed', 'engaged', 'goal_achieved'] as const;
export type CampaignStage = (typeof campaignStages)[number];

export const moduleLengthMax = 100;
export const activityLengthMax = 100;
export const campaignIdLengthMax = 128;
export const campaignNameLengthMax = 200;
/** How many of a profile's campaigns its summary shows, most recent first. */
export const recentCampaignsMax = 5;

/** One use of a product by a profile in an organization, with the profile's id and email as they were then. */
export interface UsageEvent {
  id: string;
  organizationId: string;
  /** Null once the profile's data was erased. */
  profileId: string | null;
  /** The profile's email when the event was recorded; null when it had none, or once erased. */
  email: string | null;
  module: string;
  activity: string;
  occurredAt: Date;
}

export interface CampaignEvent {
  id: string;
  profileId: string;
  campaignId: string;
  campaignName: string;
  stage: CampaignStage;
  occurredAt: Date;
}

/** A campaign as a profile last met it: the stage and time of its most recent event. */
export interface RecentCampaign {
  campaignId: string;
  campaignName: string;
  stage: CampaignStage;
  occurredAt: Date;
}

export interface CampaignSummary {
  /** How many campaigns reached each stage with the profile. */
  counts: Record<CampaignStage, number>;
  recent: RecentCampaign[];
}

/** Refuses, at its field, the first event dated further ahead of `now` than a sender's clock may run. */
export function refuseFutureEvents(events: readonly { occurredAt: Date }[], now: Date): void {
  refuseFutureTimes(events, 'events', 'occurredAt', now);
}
