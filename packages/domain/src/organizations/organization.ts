import type { AdoptedProfileType } from '../profile-types/profile-type.ts';
import { DomainError } from '../shared/errors.ts';
import type { WorkspaceId } from '../shared/ids.ts';
import type { JsonObject } from '../shared/json.ts';

export const organizationNameLengthMax = 200;
export const organizationExternalIdLengthMax = 255;
export const organizationDomainLengthMax = 253;

/** An account (reference 004): a company that profiles belong to through memberships. */
export interface Organization {
  id: string;
  workspaceId: WorkspaceId;
  name: string;
  /** The id the account has in the systems it comes from; unique in the workspace. */
  externalId: string | null;
  /** Its lower-case host name, as `example.com`. */
  domain: string | null;
  /** The profile types it adopted (set through profile types). */
  profileTypes: AdoptedProfileType[];
  /** Every custom attribute value it holds, those of detached types included (set through profile types). */
  customAttributes: JsonObject;
  createdAt: Date;
  updatedAt: Date;
}

const hostLabel = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Whether text is a host name as an organization's domain is kept: lower case, two labels or more
 * of letters, digits and inner hyphens (at most 63 characters each), not an IP address.
 */
export function isHostName(text: string): boolean {
  if (text.length > organizationDomainLengthMax) return false;
  const labels = text.split('.');
  if (labels.length < 2 || !labels.every((label) => hostLabel.test(label))) return false;
  return !/^\d+$/.test(labels.at(-1) ?? '');
}

/**
 * Refuses to delete an organization that is the only one some of its profiles belong to: a
 * profile that belongs to an organization always belongs to one (reference 004). Delete those
 * profiles or move them to another organization first.
 */
export function assertNoProfileLeftAlone(organizationId: string, aloneCount: number): void {
  if (aloneCount === 0) return;
  throw new DomainError(
    'LAST_MEMBERSHIP',
    `${aloneCount} profile(s) belong to this organization only: move them to another organization or delete them first`,
    { path: 'id', details: { id: organizationId, profileCount: aloneCount } },
  );
}
