import { z } from 'zod';
import { DomainError } from '../shared/errors.ts';

export const roles = ['master', 'super_admin', 'admin', 'agent', 'viewer'] as const;
export type Role = (typeof roles)[number];
export const roleSchema = z.enum(roles, { error: 'Choose a role' });

export const actions = [
  'profiles.read',
  'profiles.write',
  'profiles.delete',
  'profiles.purge',
  'profiles.setTier',
  'sourceRecords.read',
  'sourceRecords.write',
  'settings.read',
  'settings.manage',
  'tokens.own',
  'tokens.manage',
  'members.read',
  'members.manage',
  'audit.read',
  'structure.read',
  'structure.manage',
  'organizations.read',
  'organizations.write',
  'organizations.delete',
  'members.setOrganizationScope',
  'activity.read',
  'activity.write',
  'profiles.erase',
] as const;
export type Action = (typeof actions)[number];

const everyone: readonly Role[] = roles;
const editors: readonly Role[] = ['master', 'super_admin', 'admin', 'agent'];
const admins: readonly Role[] = ['master', 'super_admin', 'admin'];
const superAdmins: readonly Role[] = ['master', 'super_admin'];

const grants = {
  'profiles.read': everyone,
  'profiles.write': editors,
  'profiles.delete': admins,
  'profiles.purge': admins,
  'profiles.setTier': admins,
  'sourceRecords.read': everyone,
  'sourceRecords.write': editors,
  'settings.read': everyone,
  'settings.manage': admins,
  // Every member works with the API through tokens of its own; admins see and revoke every one.
  'tokens.own': everyone,
  'tokens.manage': admins,
  'members.read': admins,
  'members.manage': superAdmins,
  'audit.read': admins,
  // Profile types, attribute definitions, workflows and relationships (reference 000: only a
  // super admin or Master creates, edits and deletes them).
  'structure.read': everyone,
  'structure.manage': superAdmins,
  // Organizations and their memberships (reference 004); admins define which organizations each
  // agent and viewer may see.
  'organizations.read': everyone,
  'organizations.write': editors,
  'organizations.delete': admins,
  'members.setOrganizationScope': admins,
  // Campaign and usage events, recorded by agents and above or their API tokens; a data-subject
  // erasure of a profile, by admins as a purge is.
  'activity.read': everyone,
  'activity.write': editors,
  'profiles.erase': admins,
} as const satisfies Record<Action, readonly Role[]>;

export function can(role: Role, action: Action): boolean {
  return grants[action].includes(role);
}

/** Refused with FORBIDDEN unless the role may take the action. */
export function requirePermission(role: Role, action: Action): void {
  if (!can(role, action))
    throw new DomainError('FORBIDDEN', `Your role (${role}) may not do this (${action})`);
}
