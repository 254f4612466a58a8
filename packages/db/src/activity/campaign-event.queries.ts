import {
  campaignStages,
  type CampaignEvent,
  type CampaignStage,
  type CampaignSummary,
} from '@tessera/domain';
import { sql } from 'kysely';
import type { Executor } from '../client.ts';
import { inIdOrder } from '../shared/id-order.ts';
import { profileInScope, type Scope } from '../shared/scope.ts';

/**
 * Stores the events whose ids the workspace has not stored yet, in the order of their ids, and
 * answers the ids it stored; an id stored before, or by a concurrent batch, is left as it is.
 */
export async function insertCampaignEvents(
  db: Executor,
  scope: Scope,
  events: readonly CampaignEvent[],
): Promise<string[]> {
  const rows = await db
    .insertInto('campaign_events')
    .values(
      inIdOrder(events).map((event) => ({
        workspace_id: scope.workspaceId,
        id: event.id,
        profile_id: event.profileId,
        campaign_id: event.campaignId,
        campaign_name: event.campaignName,
        stage: event.stage,
        occurred_at: event.occurredAt,
      })),
    )
    .onConflict((conflict) => conflict.constraint('campaign_events_pkey').doNothing())
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/**
 * How many of the profile's campaigns reached each stage, and its most recent campaigns with the
 * stage and time of their latest event; undefined when the profile does not exist or is out of scope.
 */
export async function findCampaignSummary(
  db: Executor,
  scope: Scope,
  profileId: string,
  recentMax: number,
): Promise<CampaignSummary | undefined> {
  const countsQuery = db
    .selectFrom('profiles')
    .leftJoin('campaign_events', (join) =>
      join
        .onRef('campaign_events.workspace_id', '=', 'profiles.workspace_id')
        .onRef('campaign_events.profile_id', '=', 'profiles.id'),
    )
    .select((eb) =>
      campaignStages.map((stage) =>
        eb.fn
          .count<string>(sql`distinct campaign_events.campaign_id`)
          .filterWhere('campaign_events.stage', '=', stage)
          .as(stage),
      ),
    )
    .where('profiles.workspace_id', '=', scope.workspaceId)
    .where('profiles.id', '=', profileId)
    .where(profileInScope(scope, 'profiles.id'))
    .groupBy('profiles.id');
  const latestOfEach = db
    .selectFrom('campaign_events')
    .distinctOn('campaign_id')
    .select(['campaign_id', 'campaign_name', 'stage', 'occurred_at'])
    .where('workspace_id', '=', scope.workspaceId)
    .where('profile_id', '=', profileId)
    .where(profileInScope(scope, 'campaign_events.profile_id'))
    .orderBy('campaign_id')
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc');
  const recentQuery = db
    .selectFrom(latestOfEach.as('latest'))
    .selectAll()
    .orderBy('occurred_at', 'desc')
    .orderBy('campaign_id')
    .limit(recentMax);
  const [counts, recent] = await Promise.all([countsQuery.executeTakeFirst(), recentQuery.execute()]);
  if (!counts) return undefined;
  return {
    counts: {
      sent: Number(counts.sent),
      viewed: Number(counts.viewed),
      engaged: Number(counts.engaged),
      goal_achieved: Number(counts.goal_achieved),
    },
    recent: recent.map((row) => ({
      campaignId: row.campaign_id,
      campaignName: row.campaign_name,
      // The database's check constraint allows only these values.
      stage: row.stage as CampaignStage,
      occurredAt: row.occurred_at,
    })),
  };
}
