import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import {
  assertMemberChangeAllowed,
  grantableRoles,
  isRoleAbove,
  mayChangeMember,
  type MemberChange,
} from './member-rules.ts';
import { roles, type Role } from './role.ts';

function refusalOf(change: MemberChange): string | undefined {
  try {
    assertMemberChangeAllowed(change);
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return `${error.code} at ${error.path ?? '(none)'}`;
    throw error;
  }
}

const change = (actor: Role, target: Role | undefined, role: Role | null, masterCount = 2) =>
  refusalOf({ actor, target: target && { role: target }, role, masterCount });

describe('isRoleAbove', () => {
  it('ranks master over super admin over admin over agent over viewer', () => {
    expect(isRoleAbove('master', 'super_admin')).toBe(true);
    expect(isRoleAbove('super_admin', 'admin')).toBe(true);
    expect(isRoleAbove('admin', 'agent')).toBe(true);
    expect(isRoleAbove('agent', 'viewer')).toBe(true);
    expect(isRoleAbove('viewer', 'master')).toBe(false);
    for (const role of roles) expect(isRoleAbove(role, role)).toBe(false);
  });
});

describe('grantableRoles', () => {
  it('offers a role and those below it', () => {
    expect(grantableRoles('master')).toEqual(roles);
    expect(grantableRoles('super_admin')).toEqual(['super_admin', 'admin', 'agent', 'viewer']);
    expect(grantableRoles('viewer')).toEqual(['viewer']);
  });
});

describe('mayChangeMember', () => {
  it('lets super admins and masters change members up to their own role', () => {
    expect(mayChangeMember('master', 'master')).toBe(true);
    expect(mayChangeMember('super_admin', 'super_admin')).toBe(true);
    expect(mayChangeMember('super_admin', 'viewer')).toBe(true);
    expect(mayChangeMember('super_admin', 'master')).toBe(false);
    expect(mayChangeMember('admin', 'viewer')).toBe(false);
  });
});

describe('assertMemberChangeAllowed', () => {
  it('keeps admins, agents and viewers from creating, changing or removing members', () => {
    for (const actor of ['admin', 'agent', 'viewer'] as const) {
      expect(change(actor, undefined, 'viewer')).toBe('FORBIDDEN at (none)');
      expect(change(actor, 'viewer', 'viewer')).toBe('FORBIDDEN at (none)');
      expect(change(actor, 'viewer', null)).toBe('FORBIDDEN at (none)');
    }
  });

  it('refuses a role above the actor’s own', () => {
    expect(change('super_admin', undefined, 'master')).toBe('ROLE_ABOVE_OWN at role');
    expect(change('super_admin', 'admin', 'master')).toBe('ROLE_ABOVE_OWN at role');
    expect(change('super_admin', undefined, 'super_admin')).toBeUndefined();
    expect(change('master', undefined, 'master')).toBeUndefined();
  });

  it('refuses to touch a member whose role is above the actor’s', () => {
    expect(change('super_admin', 'master', 'admin')).toBe('MEMBER_ROLE_ABOVE_OWN at id');
    expect(change('super_admin', 'master', null)).toBe('MEMBER_ROLE_ABOVE_OWN at id');
    expect(change('super_admin', 'super_admin', 'viewer')).toBeUndefined();
  });

  it('keeps the only master a master and in the workspace', () => {
    expect(change('master', 'master', 'super_admin', 1)).toBe('LAST_MASTER at role');
    expect(change('master', 'master', null, 1)).toBe('LAST_MASTER at id');
    expect(change('master', 'master', 'master', 1)).toBeUndefined();
    expect(change('master', 'master', 'viewer', 2)).toBeUndefined();
    expect(change('master', 'master', null, 2)).toBeUndefined();
    expect(change('master', 'admin', null, 1)).toBeUndefined();
  });
});
