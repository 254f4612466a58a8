import {
  findProfileIdsInScope,
  findUsagePage,
  insertUsageEvents,
  isOrganizationInScope,
  lockMemberEmails,
  type UsageOwner,
} from '@tessera/db/activity';
import type { Executor } from '@tessera/db';
import {
  decodeEventCursor,
  DomainError,
  encodeEventCursor,
  ingestResultOf,
  refuseFutureEvents,
  type IngestResult,
  type IngestUsageInput,
  type ListUsageInput,
  type Page,
  type UsageEvent,
  type UsageEventInput,
  type UsageStreamInput,
} from '@tessera/domain';
import type { AccessGuard } from '../auth/access-guard.ts';
import type { MemberContext } from '../context.ts';
import { publishUsage, usageFeedOf } from './usage-feed.ts';

const pairKey = (pair: { organizationId: string; profileId: string }) =>
  `${pair.organizationId}/${pair.profileId}`;

function profileNotFound(path: string): DomainError {
  return new DomainError('PROFILE_NOT_FOUND', 'No profile has this id', { path });
}

function organizationNotFound(path: string): DomainError {
  return new DomainError('ORGANIZATION_NOT_FOUND', 'No organization has this id', { path });
}

/** Why an event's profile cannot be recorded in its organization, at the field at fault. */
async function refusalOf(trx: Executor, ctx: MemberContext, event: UsageEventInput, index: number) {
  if (!(await isOrganizationInScope(trx, ctx.scope, event.organizationId)))
    return organizationNotFound(`events.${index}.organizationId`);
  const path = `events.${index}.profileId`;
  const found = await findProfileIdsInScope(trx, ctx.scope, [event.profileId], { isLocked: false });
  if (!found.has(event.profileId)) return profileNotFound(path);
  return new DomainError('MEMBERSHIP_NOT_FOUND', 'This profile does not belong to the organization', {
    path,
  });
}

/**
 * Records a batch of usage events, all or none, each with the email its profile has now. Events
 * whose ids the workspace stored before (a batch sent again, or the same batch sent at the same
 * time) are answered as duplicates and stored once.
 */
export async function ingestUsage(ctx: MemberContext, input: IngestUsageInput): Promise<IngestResult> {
  refuseFutureEvents(input.events, ctx.clock.now());
  const stored = await ctx.db.transaction().execute(async (trx) => {
    const pairs = [...new Map(input.events.map((event) => [pairKey(event), event])).values()];
    const emails = new Map(
      (await lockMemberEmails(trx, ctx.scope, pairs)).map((member) => [pairKey(member), member.email]),
    );
    const events: UsageEvent[] = [];
    for (const [index, event] of input.events.entries()) {
      const email = emails.get(pairKey(event));
      if (email === undefined) throw await refusalOf(trx, ctx, event, index);
      events.push({ ...event, email });
    }
    return insertUsageEvents(trx, ctx.scope, events);
  });
  publishUsage(ctx.scope.workspaceId, stored);
  return ingestResultOf(input.events, new Set(stored.map((event) => event.id)));
}

/** Refused unless the organization and the profile it names exist in scope. */
async function requireOwner(ctx: MemberContext, owner: UsageOwner): Promise<void> {
  const { organizationId, profileId } = owner;
  if (organizationId !== undefined && !(await isOrganizationInScope(ctx.db, ctx.scope, organizationId)))
    throw organizationNotFound('organizationId');
  if (
    profileId !== undefined &&
    !(await findProfileIdsInScope(ctx.db, ctx.scope, [profileId], { isLocked: false })).size
  )
    throw profileNotFound('profileId');
}

/** A page of an organization's or a profile's usage, or of a profile's in an organization, newest first. */
export async function listUsage(ctx: MemberContext, input: ListUsageInput): Promise<Page<UsageEvent>> {
  const rows = await findUsagePage(ctx.db, ctx.scope, {
    owner: input,
    from: input.from,
    to: input.to,
    module: input.module,
    after: input.cursor ? decodeEventCursor(input.cursor) : undefined,
    limit: input.limit + 1,
  });
  // An empty page may mean that there is nobody to list the usage of.
  if (rows.length === 0) await requireOwner(ctx, input);
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encodeEventCursor(last) : null };
}

/** What keeps a usage stream to what its member may see while it is open (`whileAccessHolds`). */
export function usageStreamGuard(input: UsageStreamInput): AccessGuard<UsageEvent> {
  return {
    action: 'activity.read',
    recheck: (fresh) => requireOwner(fresh, input),
    isVisible: (event, scope) =>
      scope.organizationIds === null || scope.organizationIds.includes(event.organizationId),
  };
}

/**
 * The usage events of an organization, of a profile, or of a profile in an organization, as they
 * are stored from now on. What the member may see is settled when the subscription starts: events
 * of organizations in its scope. A profile's events are in scope when their organization is (the
 * profile belongs to it).
 */
export async function streamUsage(
  ctx: MemberContext,
  input: UsageStreamInput,
  signal: AbortSignal | undefined,
): Promise<AsyncIterable<UsageEvent>> {
  await requireOwner(ctx, input);
  const feed = usageFeedOf(ctx.scope.workspaceId, signal);
  const { organizationIds } = ctx.scope;
  const isOfOwner = (event: UsageEvent) =>
    (input.organizationId === undefined || event.organizationId === input.organizationId) &&
    (input.profileId === undefined || event.profileId === input.profileId);
  const isWatched = (event: UsageEvent) =>
    isOfOwner(event) && (organizationIds === null || organizationIds.includes(event.organizationId));
  return (async function* () {
    for await (const event of feed) if (isWatched(event)) yield event;
  })();
}
