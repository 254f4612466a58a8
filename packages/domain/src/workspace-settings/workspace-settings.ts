/** A place of the business that profiles name as preferred or joined (001: locations). */
export interface Location {
  id: string;
  name: string;
  /** Its reference in the company's own system. */
  externalId: string | null;
}

/** A status a profile may carry, named by its handle (001: "influencer", "media", "staff"). */
export interface ProfileStatus {
  handle: string;
  name: string;
}

/** A tier a profile may have reached (001: tier_handle, tier). */
export interface Tier {
  id: string;
  handle: string;
  name: string;
  rank: number;
}

export interface WorkspaceSettings {
  /** ISO 3166-1 alpha-2: where a phone number without country code is read. */
  defaultPhoneRegion: string | null;
  /** IANA: where "today" is for birthdays. */
  timeZone: string;
  /** ISO 4217 codes profiles may use. */
  currencies: string[];
  locations: Location[];
  statuses: ProfileStatus[];
  tiers: Tier[];
  /** How many source records one profile may have. */
  sourceRecordsPerProfileMax: number;
  /** 0 until the settings are first saved. */
  version: number;
}

/** A location as given to a save: with its id when the caller names one. */
export interface LocationInput {
  id?: string | undefined;
  name: string;
  externalId: string | null;
}

/**
 * The saved locations with their ids: a location given without an id but with the external id of
 * a present one is that location, unless another location given names that one by its id.
 */
export function withLocationIds(
  given: readonly LocationInput[],
  present: readonly Location[],
  newId: () => string,
): Location[] {
  const claimed = new Set(given.flatMap((location) => (location.id === undefined ? [] : [location.id])));
  const byExternalId = new Map(
    present.flatMap((location) =>
      location.externalId === null || claimed.has(location.id) ? [] : [[location.externalId, location.id]],
    ),
  );
  return given.map((location) => ({
    id:
      location.id ??
      (location.externalId === null ? undefined : byExternalId.get(location.externalId)) ??
      newId(),
    name: location.name,
    externalId: location.externalId,
  }));
}

/** The lists of settings profiles choose values from. */
export type SettingList = 'currencies' | 'locations' | 'statuses' | 'tiers';

/** A value profiles may hold that a save takes out of the settings. */
export interface RemovedSetting {
  list: SettingList;
  /** Where it is in the settings as they are (`tiers.2`): the list a client edits. */
  path: string;
  /** What profiles hold: a currency code, a location or tier id, a status handle. */
  value: string;
  /** How people know it: a currency code, a location, status or tier name. */
  label: string;
}

/** What `after` takes out of `before` that profiles may hold, in the order of the settings' lists. */
export function removedSettings(
  before: Pick<WorkspaceSettings, SettingList>,
  after: Pick<WorkspaceSettings, SettingList>,
): RemovedSetting[] {
  const removed = <T>(
    list: SettingList,
    items: readonly T[],
    kept: readonly T[],
    key: (item: T) => string,
    describe: (item: T) => Pick<RemovedSetting, 'value' | 'label'>,
  ): RemovedSetting[] => {
    const keptKeys = new Set(kept.map(key));
    return items.flatMap((item, index) =>
      keptKeys.has(key(item)) ? [] : [{ list, path: `${list}.${index}`, ...describe(item) }],
    );
  };
  return [
    ...removed(
      'currencies',
      before.currencies,
      after.currencies,
      (code) => code,
      (code) => ({
        value: code,
        label: code,
      }),
    ),
    ...removed(
      'locations',
      before.locations,
      after.locations,
      (location) => location.id,
      (location) => ({
        value: location.id,
        label: location.name,
      }),
    ),
    ...removed(
      'statuses',
      before.statuses,
      after.statuses,
      (status) => status.handle,
      (status) => ({
        value: status.handle,
        label: status.name,
      }),
    ),
    // A tier is matched by its handle, and profiles hold its id.
    ...removed(
      'tiers',
      before.tiers,
      after.tiers,
      (tier) => tier.handle,
      (tier) => ({
        value: tier.id,
        label: tier.name,
      }),
    ),
  ];
}
