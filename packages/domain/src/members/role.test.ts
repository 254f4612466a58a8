import { describe, expect, it } from 'vitest';
import { actions, can, roles } from './role.ts';

describe('can', () => {
  it('lets every role read profiles', () => {
    for (const role of roles) expect(can(role, 'profiles.read')).toBe(true);
  });

  it('keeps viewers from changing anything but their own API tokens', () => {
    for (const action of actions.filter((a) => !a.endsWith('.read') && a !== 'tokens.own'))
      expect(can('viewer', action)).toBe(false);
    expect(can('viewer', 'tokens.own')).toBe(true);
  });

  it('lets agents edit but not delete profiles', () => {
    expect(can('agent', 'profiles.write')).toBe(true);
    expect(can('agent', 'profiles.delete')).toBe(false);
    expect(can('agent', 'tokens.manage')).toBe(false);
  });

  it('keeps member management to super admins and the master', () => {
    expect(roles.filter((role) => can(role, 'members.manage'))).toEqual(['master', 'super_admin']);
  });

  it('shows the members to admins and above', () => {
    expect(roles.filter((role) => can(role, 'members.read'))).toEqual(['master', 'super_admin', 'admin']);
  });

  it('grants each role everything a lower role may do', () => {
    for (const [index, role] of roles.entries()) {
      for (const lower of roles.slice(index + 1)) {
        for (const action of actions) if (can(lower, action)) expect(can(role, action)).toBe(true);
      }
    }
  });
});
