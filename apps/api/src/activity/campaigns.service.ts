import { findCampaignSummary, insertCampaignEvents } from '@tessera/db/activity';
import {
  DomainError,
  ingestResultOf,
  recentCampaignsMax,
  refuseFutureEvents,
  type CampaignSummary,
  type CampaignSummaryInput,
  type IngestResult,
  type RecordCampaignEventsInput,
} from '@tessera/domain';
import type { MemberContext } from '../context.ts';
import { lockProfilesOfBatch } from '../profiles/profiles-in-scope.ts';

/**
 * Records a batch of campaign events, all or none. Events whose ids the workspace stored before
 * are answered as duplicates and stored once.
 */
export async function recordCampaignEvents(
  ctx: MemberContext,
  input: RecordCampaignEventsInput,
): Promise<IngestResult> {
  refuseFutureEvents(input.events, ctx.clock.now());
  const storedIds = await ctx.db.transaction().execute(async (trx) => {
    await lockProfilesOfBatch(trx, ctx.scope, input.events, 'events');
    return insertCampaignEvents(trx, ctx.scope, input.events);
  });
  return ingestResultOf(input.events, new Set(storedIds));
}

/** How many of the profile's campaigns reached each stage, and its most recent campaigns. */
export async function summarizeCampaigns(
  ctx: MemberContext,
  input: CampaignSummaryInput,
): Promise<CampaignSummary> {
  const summary = await findCampaignSummary(ctx.db, ctx.scope, input.profileId, recentCampaignsMax);
  if (!summary) throw new DomainError('PROFILE_NOT_FOUND', 'No profile has this id', { path: 'profileId' });
  return summary;
}
