import type { EventPosition, UsageEvent } from '@tessera/domain';
import { sql, type Selectable } from 'kysely';
import type { Executor } from '../client.ts';
import { inIdOrder } from '../shared/id-order.ts';
import { organizationInScope, profileInScope, type Scope } from '../shared/scope.ts';
import type { UsageEventTable } from './activity.table.ts';

const columns = [
  'id',
  'organization_id',
  'profile_id',
  'email',
  'module',
  'activity',
  'occurred_at',
] as const;

function toUsageEvent(row: Pick<Selectable<UsageEventTable>, (typeof columns)[number]>): UsageEvent {
  return {
    id: row.id,
    organizationId: row.organization_id,
    profileId: row.profile_id,
    email: row.email,
    module: row.module,
    activity: row.activity,
    occurredAt: row.occurred_at,
  };
}

/** A profile's place in an organization, with the email the profile has now. */
export interface MemberEmail {
  organizationId: string;
  profileId: string;
  email: string | null;
}

/**
 * Of these (organization, profile) pairs, those where the profile belongs to the organization and
 * the organization is in scope, with the profile's email. Each profile found stays locked against
 * deletion (FOR KEY SHARE) until the transaction ends: an erasure waits for the events that record
 * its email to be committed, and then erases them too.
 */
export async function lockMemberEmails(
  db: Executor,
  scope: Scope,
  pairs: readonly { organizationId: string; profileId: string }[],
): Promise<MemberEmail[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('profiles', (join) =>
      join
        .onRef('profiles.workspace_id', '=', 'memberships.workspace_id')
        .onRef('profiles.id', '=', 'memberships.profile_id'),
    )
    .select(['memberships.organization_id', 'memberships.profile_id', 'profiles.email'])
    .where('memberships.workspace_id', '=', scope.workspaceId)
    .where((eb) =>
      eb(
        eb.refTuple('memberships.organization_id', 'memberships.profile_id'),
        'in',
        pairs.map((pair) => eb.tuple(pair.organizationId, pair.profileId)),
      ),
    )
    .where(organizationInScope(scope, 'memberships.organization_id'))
    .forKeyShare('profiles')
    .execute();
  return rows.map((row) => ({
    organizationId: row.organization_id,
    profileId: row.profile_id,
    email: row.email,
  }));
}

/**
 * Stores the events whose ids the workspace has not stored yet, in the order of their ids, and
 * answers those it stored; an id stored before, or by a concurrent batch, is left as it is.
 */
export async function insertUsageEvents(
  db: Executor,
  scope: Scope,
  events: readonly UsageEvent[],
): Promise<UsageEvent[]> {
  const rows = await db
    .insertInto('usage_events')
    .values(
      inIdOrder(events).map((event) => ({
        workspace_id: scope.workspaceId,
        id: event.id,
        organization_id: event.organizationId,
        profile_id: event.profileId,
        email: event.email,
        module: event.module,
        activity: event.activity,
        occurred_at: event.occurredAt,
      })),
    )
    .onConflict((conflict) => conflict.constraint('usage_events_pkey').doNothing())
    .returning(columns)
    .execute();
  return rows.map(toUsageEvent);
}

/** Whose usage: an organization's, a profile's, or a profile's in one organization (at least one of them). */
export interface UsageOwner {
  organizationId?: string | undefined;
  profileId?: string | undefined;
}

export interface UsagePageQuery {
  owner: UsageOwner;
  /** Included. */
  from: Date | undefined;
  /** Excluded. */
  to: Date | undefined;
  module: string | undefined;
  /** The last event of the page before. */
  after: EventPosition | undefined;
  limit: number;
}

/**
 * A page of usage, newest first: an organization's (that exists and is in scope), a profile's
 * (that exists and is in scope) in the organizations in scope, or both at once: the profile's in
 * that organization. The organization's scope is checked on the organization itself: as a
 * condition on the events' column, a limited scope's list of organizations would keep PostgreSQL
 * from reading the module index in order.
 */
export async function findUsagePage(db: Executor, scope: Scope, page: UsagePageQuery): Promise<UsageEvent[]> {
  const { owner, from, to, module, after } = page;
  const { organizationId, profileId } = owner;
  let query = db.selectFrom('usage_events').select(columns).where('workspace_id', '=', scope.workspaceId);
  if (organizationId !== undefined) {
    query = query
      .where('organization_id', '=', organizationId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('organizations')
            .select('id')
            .where('organizations.workspace_id', '=', scope.workspaceId)
            .where('organizations.id', '=', organizationId)
            .where(organizationInScope(scope, 'organizations.id')),
        ),
      );
  } else {
    query = query.where(organizationInScope(scope, 'usage_events.organization_id'));
  }
  if (profileId !== undefined) {
    query = query
      .where('profile_id', '=', profileId)
      .where(profileInScope(scope, 'usage_events.profile_id'))
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('profiles')
            .select('id')
            .where('profiles.workspace_id', '=', scope.workspaceId)
            .where('profiles.id', '=', profileId),
        ),
      );
  }
  if (from) query = query.where('occurred_at', '>=', from);
  if (to) query = query.where('occurred_at', '<', to);
  if (module !== undefined) query = query.where('module', '=', module);
  if (after) query = query.where(sql<boolean>`(occurred_at, id) < (${after.occurredAt}, ${after.id})`);
  const rows = await query.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
  return rows.map(toUsageEvent);
}

/** Whether the organization exists and is in scope. */
export async function isOrganizationInScope(db: Executor, scope: Scope, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('organizations')
    .select('id')
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', id)
    .where(organizationInScope(scope, 'organizations.id'))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Takes the profile's id and email out of every usage event that recorded them, in every
 * organization: an erasure removes a person's data wherever it is, not only where the member who
 * asks for it may look. Answers how many events it changed.
 */
export async function eraseUsageEventsOf(db: Executor, scope: Scope, profileId: string): Promise<number> {
  const result = await db
    .updateTable('usage_events')
    .set({ profile_id: null, email: null })
    .where('workspace_id', '=', scope.workspaceId)
    .where('profile_id', '=', profileId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
