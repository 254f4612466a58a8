import type { RouterOutputs } from '../../lib/trpc.ts';

export type Organization = RouterOutputs['organizations']['get'];

/** What the form of an organization holds: text as typed. */
export interface OrganizationValues {
  name: string;
  externalId: string;
  domain: string;
}

export const organizationFieldNames = ['name', 'externalId', 'domain'] as const;

export type OrganizationFieldName = (typeof organizationFieldNames)[number];

export const emptyOrganization: OrganizationValues = { name: '', externalId: '', domain: '' };

/** The form's values for an organization as it is: what it does not have is blank. */
export function organizationValuesOf(organization: Organization): OrganizationValues {
  return {
    name: organization.name,
    externalId: organization.externalId ?? '',
    domain: organization.domain ?? '',
  };
}

/** The longest search `organizations.list` takes; a longer one in the address is cut rather than refused. */
const searchLengthMax = 100;

/** The search of the organizations list, as kept in its address (`?q=`). */
export function organizationsSearchOf(search: URLSearchParams): string {
  return (search.get('q') ?? '').trim().slice(0, searchLengthMax);
}

/** The address's search with `q` in it, left out when blank so that plain URLs stay plain. */
export function withOrganizationsSearch(search: URLSearchParams, q: string): URLSearchParams {
  const next = new URLSearchParams(search);
  if (q.trim()) next.set('q', q.trim());
  else next.delete('q');
  return next;
}

/**
 * Why an organization cannot be deleted while `count` of its profiles belong to it only: a profile
 * that belongs to an organization always belongs to one (reference 004).
 */
export function aloneProfilesRefusal(count: number): string {
  const them = count === 1 ? 'it' : 'them';
  return `${count === 1 ? '1 profile belongs' : `${count} profiles belong`} to this organization only. Add ${them} to another organization, or delete ${them}, first.`;
}
