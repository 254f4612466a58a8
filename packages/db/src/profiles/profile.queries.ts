import { DomainError, type Profile, type ProfileFilter, type ProfileSortKey } from '@tessera/domain';
import { sql } from 'kysely';
import type { Executor } from '../client.ts';
import type { ProfileTable } from './profile.table.ts';
import {
  organizationIdsParameter,
  organizationInScope,
  profileInOrganizations,
  profileInScope,
  workspaceScope,
  type Scope,
} from '../shared/scope.ts';
import {
  profileAttributeColumns,
  profileColumns,
  profileSelection,
  toProfile,
  toProfileColumns,
  type ProfileColumnsRow,
  type ProfileFields,
} from './profile.rows.ts';
import { violatedCheckConstraint, violatedUniqueConstraint } from '../shared/constraints.ts';
import { compiledOnce, executePrepared } from '../shared/prepared.ts';
import { auditedProfileJson } from './profile-audit.ts';

/** The domain error a write's constraint violation means, if it is one of the profile's rules. */
function profileConstraintError(error: unknown): DomainError | undefined {
  const unique = violatedUniqueConstraint(error);
  const column = (error as { column?: unknown } | null)?.column;
  if (unique === 'profiles_workspace_email_key' || (unique === contactPointKey && column === 'email')) {
    return new DomainError('PROFILE_EMAIL_TAKEN', 'Another profile has this email already', {
      path: 'email',
    });
  }
  if (
    unique === 'profiles_workspace_mobile_phone_key' ||
    (unique === contactPointKey && column === 'phone')
  ) {
    return new DomainError('PROFILE_PHONE_TAKEN', 'Another profile has this mobile phone already', {
      path: 'mobilePhone',
    });
  }
  if (unique === 'profiles_workspace_integration_uuid_key') {
    return new DomainError('PROFILE_INTEGRATION_UUID_TAKEN', 'Another profile has this integration uuid', {
      path: 'integrationUuid',
    });
  }
  return undefined;
}

const contactPointKey = 'contact_points_workspace_key_value_key';

export async function insertProfile(
  db: Executor,
  scope: Scope,
  profile: ProfileFields & { id: string; now: Date },
): Promise<Profile> {
  try {
    const row = await db
      .insertInto('profiles')
      .values({
        workspace_id: scope.workspaceId,
        id: profile.id,
        ...toProfileColumns(profile),
        created_at: profile.now,
        updated_at: profile.now,
      })
      .returning(profileSelection)
      .executeTakeFirstOrThrow();
    return toProfile(row);
  } catch (error) {
    throw profileConstraintError(error) ?? error;
  }
}

/** The workspace's profiles, with the columns a `Profile` is made of. */
function profilesOf(db: Executor, scope: Scope) {
  return db.selectFrom('profiles').select(profileSelection).where('workspace_id', '=', scope.workspaceId);
}

const profileById = compiledOnce((db, workspaceId: string, id: string) =>
  profilesOf(db, workspaceScope(workspaceId)).where('id', '=', id),
);
const profileByIdForUpdate = compiledOnce((db, workspaceId: string, id: string) =>
  profilesOf(db, workspaceScope(workspaceId)).where('id', '=', id).forUpdate(),
);
/** The profile among whose contact points the email is, primary or not (one at most: they are unique). */
function withEmail(email: string) {
  return sql<boolean>`(workspace_id, id) in (select c.workspace_id, c.profile_id from contact_points c
    where c.key = 'email' and c.value = ${email})`;
}
const profileByEmail = compiledOnce((db, workspaceId: string, email: string) =>
  profilesOf(db, workspaceScope(workspaceId)).where(withEmail(email)),
);

// The same lookups for a member limited to some organizations: statements of their own, so that
// an unlimited lookup keeps its plan and its text.
function profilesIn(db: Executor, workspaceId: string, organizationIds: string) {
  return profilesOf(db, workspaceScope(workspaceId)).where(
    profileInOrganizations(workspaceId, 'profiles.id', organizationIds),
  );
}
const limitedProfileById = compiledOnce((db, workspaceId: string, organizationIds: string, id: string) =>
  profilesIn(db, workspaceId, organizationIds).where('id', '=', id),
);
const limitedProfileByIdForUpdate = compiledOnce(
  (db, workspaceId: string, organizationIds: string, id: string) =>
    profilesIn(db, workspaceId, organizationIds).where('id', '=', id).forUpdate(),
);
const limitedProfileByEmail = compiledOnce(
  (db, workspaceId: string, organizationIds: string, email: string) =>
    profilesIn(db, workspaceId, organizationIds).where(withEmail(email)),
);

/** A profile by id, if the scope sees it; with `forUpdate`, locked until the transaction ends. */
export async function findProfile(
  db: Executor,
  scope: Scope,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Profile | undefined> {
  const { workspaceId, organizationIds } = scope;
  let rows;
  if (organizationIds === null) {
    rows = options.forUpdate
      ? await executePrepared(db, 'profile_by_id_for_update', profileByIdForUpdate(db, workspaceId, id))
      : await executePrepared(db, 'profile_by_id', profileById(db, workspaceId, id));
  } else {
    const organizations = organizationIdsParameter(organizationIds);
    rows = options.forUpdate
      ? await executePrepared(
          db,
          'limited_profile_by_id_for_update',
          limitedProfileByIdForUpdate(db, workspaceId, organizations, id),
        )
      : await executePrepared(
          db,
          'limited_profile_by_id',
          limitedProfileById(db, workspaceId, organizations, id),
        );
  }
  const [row] = rows;
  return row && toProfile(row);
}

export async function findProfileByEmail(
  db: Executor,
  scope: Scope,
  email: string,
): Promise<Profile | undefined> {
  const { workspaceId, organizationIds } = scope;
  const [row] =
    organizationIds === null
      ? await executePrepared(db, 'profile_by_email', profileByEmail(db, workspaceId, email))
      : await executePrepared(
          db,
          'limited_profile_by_email',
          limitedProfileByEmail(db, workspaceId, organizationIdsParameter(organizationIds), email),
        );
  return row && toProfile(row);
}

/** The column each sort key orders by: names by their sort keys (name_sort_key), empty when missing. */
const sortColumns = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  firstName: 'first_name_key',
  middleName: 'middle_name_key',
  lastName: 'last_name_key',
  fullName: 'full_name_key',
  enabled: 'enabled',
  id: 'id',
} as const satisfies Record<ProfileSortKey, keyof ProfileTable>;

const nameSortKeys: ReadonlySet<ProfileSortKey> = new Set([
  'firstName',
  'middleName',
  'lastName',
  'fullName',
]);

/** The value a profile has for a sort key, as a cursor keeps it. */
export function sortValueOf(profile: Profile, key: ProfileSortKey): string | boolean {
  switch (key) {
    case 'createdAt':
      return profile.createdAt.toISOString();
    case 'updatedAt':
      return profile.updatedAt.toISOString();
    case 'middleName':
      return profile.middleName ?? '';
    case 'lastName':
      return profile.lastName ?? '';
    default:
      return profile[key];
  }
}

export interface ProfilePageQuery {
  sortBy: ProfileSortKey;
  sortOrder: 'asc' | 'desc';
  /** The filters, with a phone already in E.164. */
  filter: ProfileFilter;
  limit: number;
  offset: number;
  /** The sort value and id of the row the page starts after. */
  after: { value: string | number | boolean; id: string } | undefined;
}

/**
 * A page of the workspace's profiles, filtered, sorted by a key and then by id, starting after a
 * row (keyset) or an offset. Deleted profiles are left out unless the lifecycle filter asks for them.
 */
export async function findProfilePage(
  db: Executor,
  scope: Scope,
  page: ProfilePageQuery,
): Promise<Profile[]> {
  const rows = await profilePageQuery(db, scope, page).execute();
  return rows.map(toProfile);
}

/**
 * The workspace's profiles that pass the filters and that the scope sees; deleted ones only when
 * the lifecycle filter asks for them.
 */
function filteredProfiles(db: Executor, scope: Scope, filter: ProfileFilter) {
  let query = db
    .selectFrom('profiles')
    .select(profileColumns)
    .where('workspace_id', '=', scope.workspaceId)
    .$if(scope.organizationIds !== null, (q) => q.where(profileInScope(scope, 'profiles.id')))
    .where('lifecycle', filter.lifecycle === undefined ? '<>' : '=', filter.lifecycle ?? 'deleted')
    .$if(filter.enabled !== undefined, (q) => q.where('enabled', '=', filter.enabled ?? true))
    .$if(filter.firstName !== undefined, (q) => q.where('first_name', '=', filter.firstName ?? ''))
    .$if(filter.middleName !== undefined, (q) => q.where('middle_name', '=', filter.middleName ?? ''))
    .$if(filter.lastName !== undefined, (q) => q.where('last_name', '=', filter.lastName ?? ''))
    .$if(filter.fullName !== undefined, (q) => q.where('full_name', '=', filter.fullName ?? ''))
    .$if(filter.integrationUuid !== undefined, (q) =>
      q.where('integration_uuid', '=', filter.integrationUuid ?? ''),
    )
    .$if(filter.countryNumericCode !== undefined, (q) =>
      q.where('country_numeric_code', '=', filter.countryNumericCode ?? ''),
    )
    .$if(filter.tag !== undefined, (q) => q.where(sql<boolean>`tags @> array[${filter.tag}]::text[]`))
    .$if(filter.status !== undefined, (q) =>
      q.where(sql<boolean>`statuses @> array[${filter.status}]::text[]`),
    )
    .$if(filter.createdFrom !== undefined, (q) =>
      q.where('created_at', '>=', filter.createdFrom ?? new Date(0)),
    )
    .$if(filter.createdTo !== undefined, (q) => q.where('created_at', '<=', filter.createdTo ?? new Date(0)))
    .$if(filter.updatedFrom !== undefined, (q) =>
      q.where('updated_at', '>=', filter.updatedFrom ?? new Date(0)),
    )
    .$if(filter.updatedTo !== undefined, (q) => q.where('updated_at', '<=', filter.updatedTo ?? new Date(0)));
  if (filter.profileTypeId !== undefined) {
    const profileTypeId = filter.profileTypeId;
    query = query.where('id', 'in', (eb) =>
      eb
        .selectFrom('profile_type_adoptions')
        .select('record_id')
        .where('workspace_id', '=', scope.workspaceId)
        .where('profile_type_id', '=', profileTypeId)
        .where('object_kind', '=', 'contacts'),
    );
  }
  if (filter.organizationId !== undefined) {
    const organizationId = filter.organizationId;
    query = query.where('id', 'in', (eb) =>
      eb
        .selectFrom('memberships')
        .select('profile_id')
        .where('workspace_id', '=', scope.workspaceId)
        .where('organization_id', '=', organizationId)
        .where(organizationInScope(scope, 'memberships.organization_id')),
    );
  }
  // An email or phone filter finds the profile that has it among its contact points, primary or not.
  for (const [key, value] of [
    ['email', filter.email],
    ['phone', filter.phone],
  ] as const) {
    if (value === undefined) continue;
    query = query.where('id', 'in', (eb) =>
      eb
        .selectFrom('contact_points')
        .select('profile_id')
        .where('workspace_id', '=', scope.workspaceId)
        .where('key', '=', key)
        .where('value', '=', value),
    );
  }
  return query;
}

/** The query `findProfilePage` runs, for a test to read its plan. */
export function profilePageQuery(db: Executor, scope: Scope, page: ProfilePageQuery) {
  const column = sortColumns[page.sortBy];
  const sortBy = sql.ref(column);
  const isTime = page.sortBy === 'createdAt' || page.sortBy === 'updatedAt';
  let query = filteredProfiles(db, scope, page.filter).$if(!profileColumns.includes(column as never), (q) =>
    q.select(column),
  );
  if (page.after) {
    const { value: after, id } = page.after;
    // A cursor keeps the last row's name; the row's place is its key.
    const value = isTime
      ? new Date(String(after))
      : nameSortKeys.has(page.sortBy)
        ? sql`name_sort_key(${after})`
        : after;
    const comparison = page.sortOrder === 'desc' ? sql.raw('<') : sql.raw('>');
    query = query.where(
      page.sortBy === 'id'
        ? sql<boolean>`id ${comparison} ${id}`
        : sql<boolean>`(${sortBy}, id) ${comparison} (${value}, ${id})`,
    );
  }
  const direction = page.sortOrder === 'desc' ? sql.raw('desc') : sql.raw('asc');
  const rows = query
    .orderBy(sql`${sortBy} ${direction}`)
    .$if(page.sortBy !== 'id', (q) => q.orderBy(sql`id ${direction}`))
    .limit(page.limit)
    .offset(page.offset);
  // The page's rows are found first and their custom attributes read after: read beside them, they
  // would be read for every row an offset skips as well.
  return db
    .selectFrom(rows.as('profiles'))
    .select(profileSelection)
    .orderBy(sql`${sortBy} ${direction}`)
    .$if(page.sortBy !== 'id', (q) => q.orderBy(sql`id ${direction}`));
}

/** The candidates a search ranks, at most: enough for any page, few enough to rank at once. */
const searchCandidatesMax = 200;

/** Text as a LIKE pattern that matches it literally: its `%`, `_` and backslashes escaped. */
export function likePattern(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * Profiles whose names, emails, phones, identifiers or ids contain every word of `text` (any case),
 * or the phone `phone` (in E.164) when the text reads as one, best first: an exact match of the full
 * name, the primary email or phone or an id, then a word that starts with the text, then the rest by
 * trigram similarity. The candidates the trigram index finds are cut to a bounded set before they
 * are ranked, so ranking costs the same for any term; finding them still costs more for a term that
 * half the workspace has (README, Performance).
 */
export async function searchProfiles(db: Executor, scope: Scope, search: ProfileSearch): Promise<Profile[]> {
  const rows = await profileSearchQuery(db, scope, search).execute();
  return rows.map(toProfile);
}

export interface ProfileSearch {
  text: string;
  /** The text read as a phone number, in E.164, when it is one. */
  phone?: string | undefined;
  filter: ProfileFilter;
  limit: number;
}

/** The query `searchProfiles` runs, for a test to read its plan. */
export function profileSearchQuery(db: Executor, scope: Scope, search: ProfileSearch) {
  const term = search.text.trim().replace(/\s+/g, ' ').toLowerCase();
  const words = [...new Set(term.split(' '))];
  const wordStart = `${likePattern(term)}%`;
  const phone = search.phone === undefined ? undefined : `%${likePattern(search.phone)}%`;
  const hasWords = sql<boolean>`${sql.join(
    words.map((word) => sql`search_text like ${`%${likePattern(word)}%`}`),
    sql` and `,
  )}`;
  const candidates = filteredProfiles(db, scope, search.filter)
    .clearSelect()
    .select('id')
    .where(phone === undefined ? hasWords : sql<boolean>`((${hasWords}) or search_text like ${phone})`)
    .limit(searchCandidatesMax);
  return profilesOf(db, scope)
    .where('id', 'in', (eb) => eb.selectFrom(candidates.as('candidates')).select('candidates.id'))
    .orderBy(
      sql`case
        when lower(full_name) = ${term} or email = ${term} or mobile_phone = ${search.phone ?? term}
          or lower(integration_uuid) = ${term} or lower(external_id) = ${term} or id::text = ${term} then 0
        when search_text like ${wordStart} or search_text like ${`% ${likePattern(term)}%`} then 1
        else 2 end`,
    )
    .orderBy(sql`similarity(search_text, ${term}) desc`)
    .orderBy('full_name_key')
    .orderBy('id')
    .limit(search.limit);
}

/** Writes new field values and bumps the version. */
export async function updateProfileRow(
  db: Executor,
  scope: Scope,
  id: string,
  fields: ProfileFields & { now: Date },
): Promise<Profile> {
  try {
    const row = await db
      .updateTable('profiles')
      .set((eb) => ({
        ...toProfileColumns(fields),
        updated_at: fields.now,
        version: eb('version', '+', 1),
      }))
      .where('workspace_id', '=', scope.workspaceId)
      .where('id', '=', id)
      .returning(profileSelection)
      .executeTakeFirstOrThrow();
    return toProfile(row);
  } catch (error) {
    throw profileConstraintError(error) ?? error;
  }
}

/** Moves a profile to `deleted`, remembering its lifecycle for a restore; undefined if it is not there or deleted already. */
export async function markProfileDeleted(
  db: Executor,
  scope: Scope,
  id: string,
  now: Date,
): Promise<Profile | undefined> {
  const row = await db
    .updateTable('profiles')
    .set((eb) => ({
      lifecycle_before_delete: eb.ref('lifecycle'),
      lifecycle: 'deleted',
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', id)
    .where('lifecycle', '<>', 'deleted')
    .returning(profileSelection)
    .executeTakeFirst();
  return row && toProfile(row);
}

/** Brings a deleted profile back to the lifecycle it had; undefined if it is not there or not deleted. */
export async function restoreProfileRow(
  db: Executor,
  scope: Scope,
  id: string,
  now: Date,
): Promise<Profile | undefined> {
  const row = await db
    .updateTable('profiles')
    .set((eb) => ({
      lifecycle: eb.fn.coalesce('lifecycle_before_delete', sql.lit('active')),
      lifecycle_before_delete: null,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', id)
    .where('lifecycle', '=', 'deleted')
    .returning(profileSelection)
    .executeTakeFirst();
  return row && toProfile(row);
}

export async function setProfileTier(
  db: Executor,
  scope: Scope,
  id: string,
  tierId: string | null,
  now: Date,
): Promise<Profile | undefined> {
  const row = await db
    .updateTable('profiles')
    .set((eb) => ({ tier_id: tierId, updated_at: now, version: eb('version', '+', 1) }))
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', id)
    .returning(profileSelection)
    .executeTakeFirst();
  return row && toProfile(row);
}

export async function deleteProfileRow(db: Executor, scope: Scope, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('profiles')
    .where('workspace_id', '=', scope.workspaceId)
    .where('id', '=', id)
    .$if(scope.organizationIds !== null, (q) => q.where(profileInScope(scope, 'profiles.id')))
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export interface ProfileUpsert {
  id: string;
  email: string;
  firstName: string;
  /** left out, an existing profile keeps its value; null clears it */
  middleName?: string | null | undefined;
  lastName?: string | null | undefined;
  now: Date;
}

/** Who an upsert's audit entry names. */
export interface UpsertAudit {
  id: string;
  actorMemberId: string;
  actorTokenId: string | null;
  actorSessionId: string | null;
  requestId: string | null;
  ip: string | null;
}

/**
 * Creates the profile with this email, or updates the one that has it, and records the audit
 * entry, all in one statement: one round trip and one commit, as many as a bare upsert takes.
 * Undefined, with nothing written, when the profile that has the email is deleted.
 *
 * The entry's `before` is the row the update replaced: `before` locks it (FOR UPDATE reads the
 * latest committed version and holds it until the statement commits), and the insert waits for
 * that lock. Only a profile committed by another request after this statement's snapshot is
 * updated without being read; the database then refuses the entry without `before`
 * (audit_entries_update_before_check), and the statement runs again with a snapshot that sees it.
 */
export async function upsertProfileByEmail(
  db: Executor,
  scope: Scope,
  profile: ProfileUpsert,
  audit: UpsertAudit,
): Promise<(Profile & { isCreated: boolean }) | undefined> {
  const query = sql<ProfileColumnsRow & { is_created: boolean }>`
    with before as materialized (
      select ${auditedProfileJson(sql.raw('b'))} as snapshot, b.version
      from profiles b where b.workspace_id = ${scope.workspaceId} and b.email = ${profile.email}
      for update
    ), upserted as (
      insert into profiles as p (workspace_id, id, first_name, middle_name, last_name, email, created_at, updated_at)
      select ${scope.workspaceId}, ${profile.id}, ${profile.firstName}, ${profile.middleName ?? null}, ${profile.lastName ?? null},
             ${profile.email}, ${profile.now}::timestamptz, ${profile.now}::timestamptz
      from (select count(*) from before) as locked
      on conflict on constraint profiles_workspace_email_key do update set
        first_name = excluded.first_name,
        middle_name = case when ${profile.middleName !== undefined}::boolean then excluded.middle_name else p.middle_name end,
        last_name = case when ${profile.lastName !== undefined}::boolean then excluded.last_name else p.last_name end,
        updated_at = excluded.updated_at,
        version = p.version + 1
      where p.lifecycle <> 'deleted'
      returning p.*, (p.xmax = 0) as is_created
    ), audit as (
      insert into audit_entries
        (workspace_id, id, actor_member_id, actor_token_id, actor_session_id, action, entity_type, entity_id, before, after, request_id, ip, created_at)
      select ${scope.workspaceId}::uuid, ${audit.id}::uuid, ${audit.actorMemberId}::uuid, ${audit.actorTokenId}::uuid,
        ${audit.actorSessionId}::uuid,
        case when u.is_created then 'profile.create' else 'profile.update' end, 'profile', u.id::text,
        (select b.snapshot from before b where b.version = u.version - 1),
        ${auditedProfileJson(sql.raw('u'))},
        ${audit.requestId}::text, ${audit.ip}::text, ${profile.now}::timestamptz
      from upserted u
    )
    select ${sql.join([...profileColumns.map((column) => sql.ref(column)), ...profileAttributeColumns('upserted')])},
      is_created from upserted`;
  const compiled = query.compile(db);
  for (let attempt = 1; ; attempt++) {
    try {
      const [row] = await executePrepared(db, 'profile_upsert_by_email', compiled);
      return row && { ...toProfile(row), isCreated: row.is_created };
    } catch (error) {
      if (violatedCheckConstraint(error) === 'audit_entries_update_before_check' && attempt < 3) continue;
      throw profileConstraintError(error) ?? error;
    }
  }
}
