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
