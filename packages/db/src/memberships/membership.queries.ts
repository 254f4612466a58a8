import {
  DomainError,
  type Membership,
  type MembershipAttributes,
  type MembershipListing,
} from '@tessera/domain';
import { sql, type Selectable } from 'kysely';
import type { Executor } from '../client.ts';
import { violatedForeignKey, violatedUniqueConstraint } from '../shared/constraints.ts';
import { organizationInScope, type Scope } from '../shared/scope.ts';
import type { MembershipTable } from '../organizations/organization.table.ts';

export interface MembershipKey {
  organizationId: string;
  profileId: string;
}

const membershipColumns = [
  'memberships.workspace_id',
  'memberships.organization_id',
  'memberships.profile_id',
  'memberships.is_contact',
  'memberships.is_key_contact',
  'memberships.attributes',
  'memberships.created_at',
  'memberships.updated_at',
] as const;

function toMembership(row: Selectable<MembershipTable>): Membership {
  return {
    workspaceId: row.workspace_id,
    organizationId: row.organization_id,
    profileId: row.profile_id,
    isContact: row.is_contact,
    isKeyContact: row.is_key_contact,
    // Written only through the membership schemas: a flat object of text, numbers and booleans.
    attributes: row.attributes as MembershipAttributes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The memberships of organizations the scope sees (whose profiles it sees through them). */
function membershipsOf(db: Executor, scope: Scope) {
  return db
    .selectFrom('memberships')
    .select(membershipColumns)
    .where('memberships.workspace_id', '=', scope.workspaceId)
    .$if(scope.organizationIds !== null, (query) =>
      query.where(organizationInScope(scope, 'memberships.organization_id')),
    );
}

function listingsOf(db: Executor, scope: Scope) {
  return membershipsOf(db, scope)
    .innerJoin('organizations as o', (join) =>
      join
        .onRef('o.workspace_id', '=', 'memberships.workspace_id')
        .onRef('o.id', '=', 'memberships.organization_id'),
    )
    .innerJoin('profiles as p', (join) =>
      join
        .onRef('p.workspace_id', '=', 'memberships.workspace_id')
        .onRef('p.id', '=', 'memberships.profile_id'),
    )
    .select(['o.name as organization_name', 'p.full_name', 'p.email']);
}

type ListingRow = Selectable<MembershipTable> & {
  organization_name: string;
  full_name: string;
  email: string | null;
};

function toListing(row: ListingRow): MembershipListing {
  return {
    ...toMembership(row),
    organization: { id: row.organization_id, name: row.organization_name },
    profile: { id: row.profile_id, fullName: row.full_name, email: row.email },
  };
}

export async function insertMembership(
  db: Executor,
  scope: Scope,
  membership: MembershipKey & Pick<Membership, 'isContact' | 'isKeyContact' | 'attributes'> & { now: Date },
): Promise<Membership> {
  try {
    const row = await db
      .insertInto('memberships')
      .values({
        workspace_id: scope.workspaceId,
        organization_id: membership.organizationId,
        profile_id: membership.profileId,
        is_contact: membership.isContact,
        is_key_contact: membership.isKeyContact,
        attributes: JSON.stringify(membership.attributes),
        created_at: membership.now,
        updated_at: membership.now,
      })
      .returning(membershipColumns)
      .executeTakeFirstOrThrow();
    return toMembership(row);
  } catch (error) {
    if (violatedUniqueConstraint(error) === 'memberships_pkey') {
      throw new DomainError('MEMBERSHIP_EXISTS', 'This profile belongs to this organization already', {
        path: 'profileId',
      });
    }
    const foreignKey = violatedForeignKey(error);
    if (foreignKey === 'memberships_organization_fkey') {
      throw new DomainError('ORGANIZATION_NOT_FOUND', 'No organization has this id', {
        path: 'organizationId',
      });
    }
    if (foreignKey === 'memberships_profile_fkey') {
      throw new DomainError('PROFILE_NOT_FOUND', 'No profile has this id', { path: 'profileId' });
    }
    throw error;
  }
}

/** A membership of an organization the scope sees; with `forUpdate`, locked until the transaction ends. */
export async function findMembership(
  db: Executor,
  scope: Scope,
  key: MembershipKey,
  options: { forUpdate?: boolean } = {},
): Promise<Membership | undefined> {
  const row = await membershipsOf(db, scope)
    .where('memberships.organization_id', '=', key.organizationId)
    .where('memberships.profile_id', '=', key.profileId)
    .$if(options.forUpdate === true, (query) => query.forUpdate())
    .executeTakeFirst();
  return row && toMembership(row);
}

/** A membership with the names lists show it by. */
export async function findMembershipListing(
  db: Executor,
  scope: Scope,
  key: MembershipKey,
): Promise<MembershipListing | undefined> {
  const row = await listingsOf(db, scope)
    .where('memberships.organization_id', '=', key.organizationId)
    .where('memberships.profile_id', '=', key.profileId)
    .executeTakeFirst();
  return row && toListing(row);
}

/**
 * A page of an organization's members that are not deleted, by full name and then profile id
 * (with `contactsOnly`, its contacts and key contacts only), after the one a cursor names.
 */
export async function findOrganizationMembers(
  db: Executor,
  scope: Scope,
  query: {
    organizationId: string;
    contactsOnly: boolean;
    limit: number;
    after: { fullName: string; profileId: string } | undefined;
  },
): Promise<MembershipListing[]> {
  const { after } = query;
  const rows = await listingsOf(db, scope)
    .where('memberships.organization_id', '=', query.organizationId)
    .where('p.lifecycle', '<>', 'deleted')
    .$if(query.contactsOnly, (q) =>
      q.where((eb) =>
        eb.or([eb('memberships.is_contact', '=', true), eb('memberships.is_key_contact', '=', true)]),
      ),
    )
    .$if(after !== undefined, (q) =>
      q.where(sql<boolean>`(p.full_name, p.id) > (${after?.fullName}, ${after?.profileId})`),
    )
    .orderBy('p.full_name')
    .orderBy('p.id')
    .limit(query.limit)
    .execute();
  return rows.map(toListing);
}

/**
 * A page of the organizations a profile belongs to that the scope sees, by name (any case) and
 * then id, after the one a cursor names.
 */
export async function findProfileMemberships(
  db: Executor,
  scope: Scope,
  query: { profileId: string; limit: number; after: { name: string; organizationId: string } | undefined },
): Promise<MembershipListing[]> {
  const { after } = query;
  const rows = await listingsOf(db, scope)
    .where('memberships.profile_id', '=', query.profileId)
    .$if(after !== undefined, (q) =>
      q.where(sql<boolean>`(lower(o.name), o.id) > (lower(${after?.name}), ${after?.organizationId})`),
    )
    .orderBy(sql`lower(o.name)`)
    .orderBy('o.id')
    .limit(query.limit)
    .execute();
  return rows.map(toListing);
}

/** Writes a membership's flags and attributes; the membership is locked (`findMembership` with `forUpdate`). */
export async function updateMembershipRow(
  db: Executor,
  scope: Scope,
  key: MembershipKey,
  fields: Pick<Membership, 'isContact' | 'isKeyContact' | 'attributes'> & { now: Date },
): Promise<void> {
  await db
    .updateTable('memberships')
    .set({
      is_contact: fields.isContact,
      is_key_contact: fields.isKeyContact,
      attributes: JSON.stringify(fields.attributes),
      updated_at: fields.now,
    })
    .where('memberships.workspace_id', '=', scope.workspaceId)
    .where('memberships.organization_id', '=', key.organizationId)
    .where('memberships.profile_id', '=', key.profileId)
    .$if(scope.organizationIds !== null, (query) =>
      query.where(organizationInScope(scope, 'memberships.organization_id')),
    )
    .execute();
}

export async function deleteMembershipRow(db: Executor, scope: Scope, key: MembershipKey): Promise<boolean> {
  const result = await db
    .deleteFrom('memberships')
    .where('memberships.workspace_id', '=', scope.workspaceId)
    .where('memberships.organization_id', '=', key.organizationId)
    .where('memberships.profile_id', '=', key.profileId)
    .$if(scope.organizationIds !== null, (query) =>
      query.where(organizationInScope(scope, 'memberships.organization_id')),
    )
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * Holds the profiles' memberships against removals until the transaction ends: removals of a
 * profile's memberships, and deletions of its organizations, take this lock on the profile's row
 * before they count what it keeps, so that two of them at once cannot each leave the other's
 * membership as the last one and then both go ahead. Rows are locked in id order, so that two
 * of these never wait on each other; the lock does not stop writes that only reference the profile.
 */
export async function lockProfilesForMemberships(
  db: Executor,
  scope: Scope,
  profileIds: readonly string[],
): Promise<void> {
  if (profileIds.length === 0) return;
  await db
    .selectFrom('profiles')
    .select('id')
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', 'in', profileIds)
    .orderBy('id')
    .forNoKeyUpdate()
    .execute();
}

/** How many organizations a profile belongs to: every one, those the scope does not see included. */
export async function countMembershipsOfProfile(
  db: Executor,
  scope: Scope,
  profileId: string,
): Promise<number> {
  const { count } = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('workspace_id', '=', scope.workspaceId)
    .where('profile_id', '=', profileId)
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** The ids of an organization's members, every one. */
export async function findMemberProfileIds(
  db: Executor,
  scope: Scope,
  organizationId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('profile_id')
    .where('workspace_id', '=', scope.workspaceId)
    .where('organization_id', '=', organizationId)
    .orderBy('profile_id')
    .execute();
  return rows.map((row) => row.profile_id);
}

/** How many of an organization's members belong to no other organization. */
export async function countProfilesOnlyIn(
  db: Executor,
  scope: Scope,
  organizationId: string,
): Promise<number> {
  const { count } = await db
    .selectFrom('memberships as m')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('m.workspace_id', '=', scope.workspaceId)
    .where('m.organization_id', '=', organizationId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('memberships as other')
            .select('other.profile_id')
            .whereRef('other.workspace_id', '=', 'm.workspace_id')
            .whereRef('other.profile_id', '=', 'm.profile_id')
            .whereRef('other.organization_id', '<>', 'm.organization_id'),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(count);
}
