import type { AdoptedProfileType } from '../profile-types/profile-type.ts';
import type { WorkspaceId } from '../shared/ids.ts';
import type { JsonObject } from '../shared/json.ts';
import type { Gender, Lifecycle } from './profile-fields.ts';

export interface ProfileName {
  firstName: string;
  middleName: string | null;
  lastName: string | null;
}

export interface Address {
  label: string | null;
  line1: string;
  line2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  countryNumericCode: string | null;
  /** One address of a profile is its default, shown as its `address`. */
  isDefault: boolean;
}

/** The customer record as it is stored; what a client reads adds the values derived from it. */
export interface Profile extends ProfileName {
  id: string;
  workspaceId: WorkspaceId;
  title: string | null;
  /** first, middle and last name joined by single spaces, skipping the missing ones */
  fullName: string;
  email: string | null;
  /** E.164 */
  mobilePhone: string | null;
  /** E.164 */
  secondaryPhone: string | null;
  gender: Gender | null;
  birthYear: number | null;
  birthMonth: number | null;
  birthDay: number | null;
  /** ISO 3166-1 numeric, as "036" */
  countryNumericCode: string | null;
  /** ISO 4217 */
  currency: string | null;
  joinedAt: Date | null;
  company: string | null;
  occupation: string | null;
  avatarUrl: string | null;
  preferredLocationId: string | null;
  joinedLocationId: string | null;
  tierId: string | null;
  tags: string[];
  /** handles of statuses configured in the workspace */
  statuses: string[];
  addresses: Address[];
  lifecycle: Lifecycle;
  enabled: boolean;
  /** the id an external system knows the profile by */
  integrationUuid: string | null;
  /** the identifier of its primary identity (read-only: set through identities) */
  externalId: string | null;
  /** the profile types it adopted (read-only: set through profile types) */
  profileTypes: AdoptedProfileType[];
  /** every custom attribute value it holds, those of detached types included (set through profile types) */
  customAttributes: JsonObject;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export function fullName(name: ProfileName): string {
  return [name.firstName, name.middleName, name.lastName]
    .filter((part) => part !== null && part !== '')
    .join(' ');
}

/** What a new profile holds where its creator gave nothing. */
export const newProfileDefaults = {
  title: null,
  middleName: null,
  lastName: null,
  email: null,
  mobilePhone: null,
  secondaryPhone: null,
  gender: null,
  birthYear: null,
  birthMonth: null,
  birthDay: null,
  countryNumericCode: null,
  currency: null,
  joinedAt: null,
  company: null,
  occupation: null,
  avatarUrl: null,
  preferredLocationId: null,
  joinedLocationId: null,
  tags: [],
  statuses: [],
  addresses: [],
  lifecycle: 'active',
  enabled: true,
  integrationUuid: null,
} as const satisfies Omit<
  Profile,
  | 'id'
  | 'workspaceId'
  | 'firstName'
  | 'fullName'
  | 'tierId'
  | 'externalId'
  | 'profileTypes'
  | 'customAttributes'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
>;
