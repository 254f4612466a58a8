import {
  DomainError,
  sourceRecordsPerProfileDefault,
  type Location,
  type ProfileStatus,
  type RemovedSetting,
  type Tier,
  type WorkspaceSettings,
} from '@tessera/domain';
import { sql } from 'kysely';
import type { Executor } from '../client.ts';
import { violatedForeignKey } from '../shared/constraints.ts';
import type { Scope } from '../shared/scope.ts';

/** What a workspace that has never saved its settings has. */
const defaults = {
  defaultPhoneRegion: null,
  timeZone: 'UTC',
  currencies: [],
  sourceRecordsPerProfileMax: sourceRecordsPerProfileDefault,
  version: 0,
} as const;

/** The workspace's settings with its locations, statuses and tiers, in one round trip. */
export async function findWorkspaceSettings(db: Executor, scope: Scope): Promise<WorkspaceSettings> {
  const { rows } = await sql<{
    default_phone_region: string | null;
    time_zone: string | null;
    currencies: string[] | null;
    source_records_per_profile_max: number | null;
    version: number | null;
    locations: Location[];
    statuses: ProfileStatus[];
    tiers: Tier[];
  }>`
    select s.default_phone_region, s.time_zone, s.currencies, s.source_records_per_profile_max, s.version,
      coalesce((select json_agg(json_build_object('id', l.id, 'name', l.name, 'externalId', l.external_id)
                                order by l.name, l.id)
                from locations l where l.workspace_id = w.id), '[]') as locations,
      coalesce((select json_agg(json_build_object('handle', p.handle, 'name', p.name) order by p.handle)
                from profile_statuses p where p.workspace_id = w.id), '[]') as statuses,
      coalesce((select json_agg(json_build_object('id', t.id, 'handle', t.handle, 'name', t.name, 'rank', t.rank)
                                order by t.rank, t.handle)
                from tiers t where t.workspace_id = w.id), '[]') as tiers
    from (select ${scope.workspaceId}::uuid as id) w
    left join workspace_settings s on s.workspace_id = w.id`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('the settings query returned no row');
  return {
    defaultPhoneRegion: row.default_phone_region ?? defaults.defaultPhoneRegion,
    timeZone: row.time_zone ?? defaults.timeZone,
    currencies: row.currencies ?? [...defaults.currencies],
    sourceRecordsPerProfileMax: row.source_records_per_profile_max ?? defaults.sourceRecordsPerProfileMax,
    version: row.version ?? defaults.version,
    locations: row.locations,
    statuses: row.statuses,
    tiers: row.tiers,
  };
}

export interface SavedSettings {
  defaultPhoneRegion: string | null;
  timeZone: string;
  currencies: string[];
  sourceRecordsPerProfileMax: number;
  /** Locations whose id is present keep it; the others are new. */
  locations: Location[];
  statuses: ProfileStatus[];
  /** By handle: a tier that keeps its handle keeps its id. */
  tiers: (Omit<Tier, 'id'> & { id: string })[];
}

/**
 * Writes the whole settings; locations, statuses and tiers no longer listed are deleted. Lock the
 * settings row first (`lockWorkspaceSettings`) so that two saves do not interleave, and refuse to
 * remove what profiles hold (`countProfilesHolding`): the foreign keys refuse a held location or
 * tier, and nothing else stops a held status or currency from going.
 */
export async function saveWorkspaceSettings(
  db: Executor,
  scope: Scope,
  settings: SavedSettings,
  now: Date,
): Promise<void> {
  const workspaceId = scope.workspaceId;
  await db
    .insertInto('workspace_settings')
    .values({
      workspace_id: workspaceId,
      default_phone_region: settings.defaultPhoneRegion,
      time_zone: settings.timeZone,
      currencies: settings.currencies,
      source_records_per_profile_max: settings.sourceRecordsPerProfileMax,
      version: 1,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.column('workspace_id').doUpdateSet((eb) => ({
        default_phone_region: eb.ref('excluded.default_phone_region'),
        time_zone: eb.ref('excluded.time_zone'),
        currencies: eb.ref('excluded.currencies'),
        source_records_per_profile_max: eb.ref('excluded.source_records_per_profile_max'),
        version: eb('workspace_settings.version', '+', 1),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();

  const keptLocations = settings.locations.map((location) => location.id);
  await db
    .deleteFrom('locations')
    .where('workspace_id', '=', workspaceId)
    .$if(keptLocations.length > 0, (query) => query.where('id', 'not in', keptLocations))
    .execute()
    .catch(heldByProfiles);
  if (settings.locations.length > 0) {
    // External ids may move between locations in one save: clear them first, so that the unique
    // key is checked against the saved list only.
    await db
      .updateTable('locations')
      .set({ external_id: null })
      .where('workspace_id', '=', workspaceId)
      .execute();
    await db
      .insertInto('locations')
      .values(
        settings.locations.map((location) => ({
          workspace_id: workspaceId,
          id: location.id,
          name: location.name,
          external_id: location.externalId,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['workspace_id', 'id']).doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          external_id: eb.ref('excluded.external_id'),
        })),
      )
      .execute();
  }

  const keptTiers = settings.tiers.map((tier) => tier.handle);
  await db
    .deleteFrom('tiers')
    .where('workspace_id', '=', workspaceId)
    .$if(keptTiers.length > 0, (query) => query.where('handle', 'not in', keptTiers))
    .execute()
    .catch(heldByProfiles);
  if (settings.tiers.length > 0) {
    await db
      .insertInto('tiers')
      .values(
        settings.tiers.map((tier) => ({
          workspace_id: workspaceId,
          id: tier.id,
          handle: tier.handle,
          name: tier.name,
          rank: tier.rank,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['workspace_id', 'handle']).doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          rank: eb.ref('excluded.rank'),
        })),
      )
      .execute();
  }

  await db.deleteFrom('profile_statuses').where('workspace_id', '=', workspaceId).execute();
  if (settings.statuses.length > 0) {
    await db
      .insertInto('profile_statuses')
      .values(settings.statuses.map((status) => ({ workspace_id: workspaceId, ...status })))
      .execute();
  }
}

const profileSettingKeys = [
  'profiles_preferred_location_fkey',
  'profiles_joined_location_fkey',
  'profiles_tier_fkey',
];

function heldByProfiles(error: unknown): never {
  const key = violatedForeignKey(error);
  if (key !== undefined && profileSettingKeys.includes(key)) {
    throw new DomainError('SETTING_IN_USE', 'Profiles hold a location or tier this save removes');
  }
  throw error;
}

/**
 * How many profiles, deleted ones included, hold each of the values, in their order; in one pass
 * over the workspace's profiles.
 */
export async function countProfilesHolding(
  db: Executor,
  scope: Scope,
  settings: readonly Pick<RemovedSetting, 'list' | 'value'>[],
): Promise<number[]> {
  if (settings.length === 0) return [];
  const holds = (setting: Pick<RemovedSetting, 'list' | 'value'>) => {
    switch (setting.list) {
      case 'currencies':
        return sql`currency = ${setting.value}`;
      case 'locations':
        return sql`(preferred_location_id = ${setting.value}::uuid or joined_location_id = ${setting.value}::uuid)`;
      case 'statuses':
        return sql`statuses @> array[${setting.value}::text]`;
      case 'tiers':
        return sql`tier_id = ${setting.value}::uuid`;
    }
  };
  const { rows } = await sql<Record<string, string>>`
    select ${sql.join(settings.map((setting, index) => sql`count(*) filter (where ${holds(setting)}) as ${sql.ref(`held_${index}`)}`))}
    from profiles where workspace_id = ${scope.workspaceId}`.execute(db);
  const row = rows[0] ?? {};
  return settings.map((_, index) => Number(row[`held_${index}`] ?? 0));
}

/**
 * Holds the workspace's settings until the transaction ends, against a save but not against other
 * holders: a value a profile takes from them stays in them until the profile is written.
 */
export async function holdWorkspaceSettings(db: Executor, scope: Scope): Promise<void> {
  await db
    .selectFrom('workspace_settings')
    .select('workspace_id')
    .where('workspace_id', '=', scope.workspaceId)
    .forKeyShare()
    .execute();
}

/** Holds the workspace's settings until the transaction ends, making their row if there is none. */
export async function lockWorkspaceSettings(db: Executor, scope: Scope): Promise<void> {
  await db
    .insertInto('workspace_settings')
    .values({ workspace_id: scope.workspaceId, version: 0, updated_at: new Date(0) })
    .onConflict((oc) => oc.column('workspace_id').doNothing())
    .execute();
  await db
    .selectFrom('workspace_settings')
    .select('workspace_id')
    .where('workspace_id', '=', scope.workspaceId)
    .forUpdate()
    .execute();
}
