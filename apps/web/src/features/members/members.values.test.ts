import { createMemberInput } from '@tessera/domain';
import { describe, expect, it } from 'vitest';
import {
  accessOf,
  createMemberInputOf,
  emptyNewMember,
  removalConsequence,
  roleOptions,
} from './members.values.ts';

describe('createMemberInputOf', () => {
  it('gives no password for an empty one, so the member acts through API tokens only', () => {
    const input = createMemberInputOf({ name: 'Ada', email: 'ada@example.com', role: 'agent', password: '' });
    expect(createMemberInput.parse(input)).toEqual({
      name: 'Ada',
      email: 'ada@example.com',
      role: 'agent',
      password: null,
    });
  });

  it('keeps a password as typed, spaces included', () => {
    const values = { ...emptyNewMember, role: 'viewer' as const, password: ' long enough pass ' };
    expect(createMemberInputOf(values).password).toBe(' long enough pass ');
  });

  it('asks for a role until one is chosen, at the role field', () => {
    const parsed = createMemberInput.safeParse(createMemberInputOf({ ...emptyNewMember, name: 'Ada' }));
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toContainEqual([
      'role',
      'Choose a role',
    ]);
  });
});

describe('roleOptions', () => {
  it('offers a super admin its own role and those below, by their labels', () => {
    expect(roleOptions('super_admin')).toEqual([
      { value: 'super_admin', label: 'Super admin' },
      { value: 'admin', label: 'Admin' },
      { value: 'agent', label: 'Agent' },
      { value: 'viewer', label: 'Viewer' },
    ]);
    expect(roleOptions('master').map((option) => option.value)).toContain('master');
  });
});

describe('accessOf', () => {
  it('says whether a member has a password and how many live API tokens', () => {
    expect(accessOf({ hasPassword: true, liveTokenCount: 2 })).toBe('Password and 2 API tokens');
    expect(accessOf({ hasPassword: true, liveTokenCount: 0 })).toBe('Password');
    expect(accessOf({ hasPassword: false, liveTokenCount: 1 })).toBe('1 API token');
    expect(accessOf({ hasPassword: false, liveTokenCount: 0 })).toBe('API tokens, none yet');
  });
});

describe('removalConsequence', () => {
  const ada = { name: 'Ada', email: 'ada@example.com' };

  it('names the member and the API tokens that stop working with it', () => {
    expect(removalConsequence({ ...ada, liveTokenCount: 2 }, false)).toBe(
      'Ada (ada@example.com) is signed out at once and cannot sign in again. Their 2 API tokens stop working too. This cannot be undone.',
    );
    expect(removalConsequence({ ...ada, liveTokenCount: 0 }, false)).toBe(
      'Ada (ada@example.com) is signed out at once and cannot sign in again. This cannot be undone.',
    );
  });

  it('speaks to a member who removes itself', () => {
    expect(removalConsequence({ ...ada, liveTokenCount: 1 }, true)).toBe(
      'You will be signed out at once and cannot sign in to this workspace again. Your 1 API token stops working too.',
    );
  });
});
