import { DomainError } from '../shared/errors.ts';
import { can, roles, type Role } from './role.ts';

/** Whether `role` ranks above `other`: master, then super admin, admin, agent and viewer. */
export function isRoleAbove(role: Role, other: Role): boolean {
  return roles.indexOf(role) < roles.indexOf(other);
}

/** The roles a member of `role` may give: its own and those below it. */
export function grantableRoles(role: Role): Role[] {
  return roles.filter((candidate) => !isRoleAbove(candidate, role));
}

/** Whether a member of role `actor` may change the role of, or remove, a member of role `target`. */
export function mayChangeMember(actor: Role, target: Role): boolean {
  return can(actor, 'members.manage') && !isRoleAbove(target, actor);
}

/** A change to the members of a workspace, as its rules see it. */
export interface MemberChange {
  /** The role of the member making the change, as it stands now. */
  actor: Role;
  /** The member changed, or undefined when one is created. */
  target: { role: Role } | undefined;
  /** The role given, or null when the member is removed. */
  role: Role | null;
  /** How many masters the workspace has now. */
  masterCount: number;
}

/**
 * Refuses a change to the members that the actor may not make: only super admins and masters
 * manage members, nobody gives a role above their own or touches a member above them, and a
 * workspace always keeps a master.
 */
export function assertMemberChangeAllowed(change: MemberChange): void {
  const { actor, target, role } = change;
  if (!can(actor, 'members.manage')) {
    throw new DomainError('FORBIDDEN', `Your role (${actor}) may not manage members`);
  }
  if (target && !mayChangeMember(actor, target.role)) {
    throw new DomainError('MEMBER_ROLE_ABOVE_OWN', 'This member’s role is above yours', { path: 'id' });
  }
  if (role !== null && isRoleAbove(role, actor)) {
    throw new DomainError('ROLE_ABOVE_OWN', 'You may not give a role above your own', { path: 'role' });
  }
  if (target?.role === 'master' && role !== 'master' && change.masterCount <= 1) {
    throw new DomainError(
      'LAST_MASTER',
      role === null
        ? 'The workspace’s only master cannot be removed: make another member master first'
        : 'The workspace’s only master must stay master: make another member master first',
      { path: role === null ? 'id' : 'role' },
    );
  }
}
