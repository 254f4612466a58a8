import type { Executor } from '@tessera/db';
import {
  deleteOrganizationRow,
  findOrganization,
  findOrganizationPage,
  insertOrganization,
  searchOrganizations,
  updateOrganizationRow,
} from '@tessera/db/organizations';
import {
  countProfilesOnlyIn,
  findMemberProfileIds,
  lockProfilesForMemberships,
} from '@tessera/db/memberships';
import {
  assertNoProfileLeftAlone,
  decodeCursor,
  DomainError,
  encodeCursor,
  shownCustomAttributes,
  type CreateOrganizationInput,
  type ListOrganizationsInput,
  type Organization,
  type OrganizationIdInput,
  type OrganizationView,
  type Page,
  type UpdateOrganizationInput,
} from '@tessera/domain';
import type { MemberContext } from '../context.ts';
import { recordAudit } from '../audit/audit.ts';

export function organizationNotFound(id: string, path = 'id'): DomainError {
  return new DomainError('ORGANIZATION_NOT_FOUND', 'No organization has this id', { path, details: { id } });
}

/** An organization as a client reads it: its fields, its profile types and their attributes' values. */
export function toOrganizationView(organization: Organization): OrganizationView {
  const custom = shownCustomAttributes(organization.profileTypes, organization.customAttributes);
  return {
    id: organization.id,
    name: organization.name,
    externalId: organization.externalId,
    domain: organization.domain,
    profileTypes: custom.profileTypes,
    attributes: custom.attributes,
    createdAt: organization.createdAt,
    updatedAt: organization.updatedAt,
  };
}

/** An organization the member's scope sees, locked when asked; refused at `path` otherwise. */
export async function existingOrganization(
  db: Executor,
  ctx: MemberContext,
  id: string,
  options: { path?: string; lock?: 'forUpdate' | 'forKeyShare' } = {},
): Promise<Organization> {
  const organization = await findOrganization(db, ctx.scope, id, { lock: options.lock });
  if (!organization) throw organizationNotFound(id, options.path);
  return organization;
}

/** What an audit entry keeps of an organization. */
function audited(organization: Organization) {
  return { name: organization.name, externalId: organization.externalId, domain: organization.domain };
}

export async function createOrganization(
  ctx: MemberContext,
  input: CreateOrganizationInput,
): Promise<OrganizationView> {
  if (ctx.scope.organizationIds !== null) {
    throw new DomainError(
      'FORBIDDEN',
      'You see only some organizations: an admin creates organizations and adds them to the ones you see',
    );
  }
  return ctx.db.transaction().execute(async (trx) => {
    const organization = await insertOrganization(trx, ctx.scope, {
      id: ctx.newId(),
      name: input.name,
      externalId: input.externalId ?? null,
      domain: input.domain ?? null,
      now: ctx.clock.now(),
    });
    await recordAudit(trx, ctx, {
      action: 'organization.create',
      entityType: 'organization',
      entityId: organization.id,
      before: null,
      after: audited(organization),
    });
    return toOrganizationView(organization);
  });
}

export async function getOrganization(
  ctx: MemberContext,
  input: OrganizationIdInput,
): Promise<OrganizationView> {
  return toOrganizationView(await existingOrganization(ctx.db, ctx, input.id));
}

const nameSort = 'name:asc';

/** A page of the organizations the member sees, by name; or, with `q`, one page of the best matches. */
export async function listOrganizations(
  ctx: MemberContext,
  input: ListOrganizationsInput,
): Promise<Page<OrganizationView>> {
  if (input.q) {
    const found = await searchOrganizations(ctx.db, ctx.scope, { text: input.q, limit: input.limit });
    return { items: found.map(toOrganizationView), nextCursor: null };
  }
  const position = input.cursor ? decodeCursor(input.cursor, nameSort) : undefined;
  const rows = await findOrganizationPage(ctx.db, ctx.scope, {
    limit: input.limit + 1,
    after: position && { name: String(position.value), id: position.id },
  });
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items: items.map(toOrganizationView),
    nextCursor:
      rows.length > input.limit && last
        ? encodeCursor({ sort: nameSort, value: last.name, id: last.id })
        : null,
  };
}

export async function updateOrganization(
  ctx: MemberContext,
  input: UpdateOrganizationInput,
): Promise<OrganizationView> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await existingOrganization(trx, ctx, input.id, { lock: 'forUpdate' });
    const after = await updateOrganizationRow(trx, ctx.scope, before.id, {
      name: input.name ?? before.name,
      externalId: input.externalId === undefined ? before.externalId : input.externalId,
      domain: input.domain === undefined ? before.domain : input.domain,
      now: ctx.clock.now(),
    });
    if (!after) throw organizationNotFound(input.id);
    await recordAudit(trx, ctx, {
      action: 'organization.update',
      entityType: 'organization',
      entityId: after.id,
      before: audited(before),
      after: audited(after),
    });
    return toOrganizationView(after);
  });
}

/**
 * Deletes an organization with its memberships and custom attribute values. Refused with
 * LAST_MEMBERSHIP, and how many, while it is the only organization of some of its profiles: a
 * profile that belongs to an organization always belongs to one (reference 004).
 */
export async function deleteOrganization(
  ctx: MemberContext,
  input: OrganizationIdInput,
): Promise<{ id: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    // The organization is locked first, so that no profile joins it meanwhile; then its members,
    // so that none of them leaves its other organizations before it is gone.
    const before = await existingOrganization(trx, ctx, input.id, { lock: 'forUpdate' });
    await lockProfilesForMemberships(trx, ctx.scope, await findMemberProfileIds(trx, ctx.scope, before.id));
    assertNoProfileLeftAlone(before.id, await countProfilesOnlyIn(trx, ctx.scope, before.id));
    if (!(await deleteOrganizationRow(trx, ctx.scope, before.id))) throw organizationNotFound(input.id);
    await recordAudit(trx, ctx, {
      action: 'organization.delete',
      entityType: 'organization',
      entityId: before.id,
      before: {
        ...audited(before),
        profileTypeIds: before.profileTypes.map((type) => type.id),
        attributes: before.customAttributes,
      },
      after: null,
    });
    return { id: before.id };
  });
}
