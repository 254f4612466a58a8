import { DomainError, type AdoptedProfileType, type JsonObject, type Organization } from '@tessera/domain';
import { sql, type Selectable } from 'kysely';
import type { Executor } from '../client.ts';
import { likePattern } from '../profiles/profile.queries.ts';
import { adoptedTypesJson, storedValuesJson } from '../attribute-values/record-attributes.queries.ts';
import { violatedUniqueConstraint } from '../shared/constraints.ts';
import { organizationInScope, type Scope } from '../shared/scope.ts';
import type { OrganizationTable } from './organization.table.ts';

const organizationColumns = [
  'workspace_id',
  'id',
  'name',
  'external_id',
  'domain',
  'created_at',
  'updated_at',
] as const;

/** An organization's columns with its profile types and custom attribute values, read by the same statement. */
const organizationSelection = [
  ...organizationColumns,
  adoptedTypesJson('organizations', sql.ref('organizations.workspace_id'), sql.ref('organizations.id')).as(
    'profile_types',
  ),
  storedValuesJson('organizations', sql.ref('organizations.workspace_id'), sql.ref('organizations.id')).as(
    'custom_attributes',
  ),
] as const;

type OrganizationRow = Pick<Selectable<OrganizationTable>, (typeof organizationColumns)[number]> & {
  profile_types: AdoptedProfileType[];
  custom_attributes: JsonObject;
};

function toOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    externalId: row.external_id,
    domain: row.domain,
    profileTypes: row.profile_types,
    customAttributes: row.custom_attributes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The fields a client writes. */
export type OrganizationFields = Pick<Organization, 'name' | 'externalId' | 'domain'>;

function externalIdTaken(error: unknown): DomainError | undefined {
  if (violatedUniqueConstraint(error) !== 'organizations_external_id_key') return undefined;
  return new DomainError('ORGANIZATION_EXTERNAL_ID_TAKEN', 'Another organization has this external id', {
    path: 'externalId',
  });
}

/** The workspace's organizations that the scope sees. */
function organizationsOf(db: Executor, scope: Scope) {
  return db
    .selectFrom('organizations')
    .select(organizationSelection)
    .where('organizations.workspace_id', '=', scope.workspaceId)
    .$if(scope.organizationIds !== null, (query) =>
      query.where(organizationInScope(scope, 'organizations.id')),
    );
}

export async function insertOrganization(
  db: Executor,
  scope: Scope,
  organization: OrganizationFields & { id: string; now: Date },
): Promise<Organization> {
  try {
    const row = await db
      .insertInto('organizations')
      .values({
        workspace_id: scope.workspaceId,
        id: organization.id,
        name: organization.name,
        external_id: organization.externalId,
        domain: organization.domain,
        created_at: organization.now,
        updated_at: organization.now,
      })
      .returning(organizationSelection)
      .executeTakeFirstOrThrow();
    return toOrganization(row);
  } catch (error) {
    throw externalIdTaken(error) ?? error;
  }
}

/**
 * An organization by id, if the scope sees it. `forUpdate` locks it until the transaction ends;
 * `forKeyShare` keeps it from being deleted meanwhile.
 */
export async function findOrganization(
  db: Executor,
  scope: Scope,
  id: string,
  options: { lock?: 'forUpdate' | 'forKeyShare' } = {},
): Promise<Organization | undefined> {
  const row = await organizationsOf(db, scope)
    .where('organizations.id', '=', id)
    .$if(options.lock === 'forUpdate', (query) => query.forUpdate())
    .$if(options.lock === 'forKeyShare', (query) => query.forKeyShare())
    .executeTakeFirst();
  return row && toOrganization(row);
}

/** Which of these ids are the workspace's organizations, whatever the scope. */
export async function findOrganizationIds(
  db: Executor,
  scope: Scope,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('organizations')
    .select('id')
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', 'in', ids)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * A page of the organizations the scope sees, by name (any case or accent: its sort key) and then
 * id, after the one a cursor names (keyset).
 */
export async function findOrganizationPage(
  db: Executor,
  scope: Scope,
  page: { limit: number; after: { name: string; id: string } | undefined },
): Promise<Organization[]> {
  const { after } = page;
  const rows = await organizationsOf(db, scope)
    .$if(after !== undefined, (query) =>
      query.where(
        sql<boolean>`(organizations.name_key, organizations.id) > (name_sort_key(${after?.name}), ${after?.id})`,
      ),
    )
    .orderBy('organizations.name_key')
    .orderBy('organizations.id')
    .limit(page.limit)
    .execute();
  return rows.map(toOrganization);
}

/** The candidates a search ranks, at most: enough for any page, few enough to rank at once. */
const searchCandidatesMax = 200;

/**
 * Organizations whose name, external id or domain contain `text` (any case), best first: an exact
 * match of one of them, then a word that starts with it, then the rest by trigram similarity and
 * name. As the profile search does, the trigram index's candidates are cut to a bounded set before
 * they are ranked.
 */
export async function searchOrganizations(
  db: Executor,
  scope: Scope,
  search: { text: string; limit: number },
): Promise<Organization[]> {
  const term = search.text.toLowerCase();
  const candidates = db
    .selectFrom('organizations')
    .select('id')
    .where('workspace_id', '=', scope.workspaceId)
    .$if(scope.organizationIds !== null, (query) =>
      query.where(organizationInScope(scope, 'organizations.id')),
    )
    .where(sql<boolean>`search_text like ${`%${likePattern(term)}%`}`)
    .limit(searchCandidatesMax);
  const rows = await organizationsOf(db, scope)
    .where('organizations.id', 'in', (eb) =>
      eb.selectFrom(candidates.as('candidates')).select('candidates.id'),
    )
    .orderBy(
      sql`case
        when lower(organizations.name) = ${term} or lower(organizations.external_id) = ${term}
          or organizations.domain = ${term} then 0
        when organizations.search_text like ${`${likePattern(term)}%`}
          or organizations.search_text like ${`% ${likePattern(term)}%`} then 1
        else 2 end`,
    )
    .orderBy(sql`similarity(organizations.search_text, ${term}) desc`)
    .orderBy('organizations.name_key')
    .orderBy('organizations.id')
    .limit(search.limit)
    .execute();
  return rows.map(toOrganization);
}

/** Writes an organization's fields; undefined if the scope sees no such organization. */
export async function updateOrganizationRow(
  db: Executor,
  scope: Scope,
  id: string,
  fields: OrganizationFields & { now: Date },
): Promise<Organization | undefined> {
  try {
    const row = await db
      .updateTable('organizations')
      .set({
        name: fields.name,
        external_id: fields.externalId,
        domain: fields.domain,
        updated_at: fields.now,
      })
      .where('organizations.workspace_id', '=', scope.workspaceId)
      .where('organizations.id', '=', id)
      .$if(scope.organizationIds !== null, (query) =>
        query.where(organizationInScope(scope, 'organizations.id')),
      )
      .returning(organizationSelection)
      .executeTakeFirst();
    return row && toOrganization(row);
  } catch (error) {
    throw externalIdTaken(error) ?? error;
  }
}

/** Deletes an organization with its memberships, values, positions and links; false if the scope sees none. */
export async function deleteOrganizationRow(db: Executor, scope: Scope, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('organizations')
    .where('organizations.workspace_id', '=', scope.workspaceId)
    .where('organizations.id', '=', id)
    .$if(scope.organizationIds !== null, (query) =>
      query.where(organizationInScope(scope, 'organizations.id')),
    )
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
