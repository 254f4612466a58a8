import { describe, expect, it } from 'vitest';
import { roles } from '../members/role.ts';
import { DomainError } from '../shared/errors.ts';
import {
  assertNotLastMembership,
  changedMembershipAttributes,
  isShownAsContact,
  membershipAttributesMax,
} from '../memberships/membership.ts';
import { assertNoProfileLeftAlone } from './organization.ts';
import { keepsOrganizationScope, organizationScopeFor } from './organization-scope.ts';

function refusal(act: () => unknown): Pick<DomainError, 'code' | 'path' | 'details'> | undefined {
  try {
    act();
    return undefined;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, path: error.path, details: error.details };
  }
}

describe('membership attribute changes', () => {
  it('set the keys given and clear those given null, keeping the others', () => {
    expect(
      changedMembershipAttributes({ role: 'admin', seats: 3 }, { role: null, is_billing: true, seats: 4 }),
    ).toEqual({ seats: 4, is_billing: true });
  });

  it(`refuse to leave more than ${membershipAttributesMax} keys`, () => {
    const full = Object.fromEntries(
      Array.from({ length: membershipAttributesMax }, (_, index) => [`key_${index}`, index]),
    );
    expect(refusal(() => changedMembershipAttributes(full, { one_more: 1 }))).toMatchObject({
      code: 'INVALID_FIELD',
      path: 'attributes',
    });
    expect(Object.keys(changedMembershipAttributes(full, { key_0: null, one_more: 1 }))).toHaveLength(
      membershipAttributesMax,
    );
  });
});

describe('the contacts of an organization', () => {
  it('are its contacts and key contacts, and no other member', () => {
    expect(isShownAsContact({ isContact: true, isKeyContact: false })).toBe(true);
    expect(isShownAsContact({ isContact: false, isKeyContact: true })).toBe(true);
    expect(isShownAsContact({ isContact: false, isKeyContact: false })).toBe(false);
  });
});

describe('a profile’s last membership', () => {
  it('is refused with LAST_MEMBERSHIP, and any other allowed', () => {
    expect(refusal(() => assertNotLastMembership('p-1', 1))).toMatchObject({
      code: 'LAST_MEMBERSHIP',
      details: { profileId: 'p-1' },
    });
    expect(refusal(() => assertNotLastMembership('p-1', 2))).toBeUndefined();
  });

  it('keeps an organization from being deleted while it is some profile’s only one, with their count', () => {
    expect(refusal(() => assertNoProfileLeftAlone('o-1', 3))).toMatchObject({
      code: 'LAST_MEMBERSHIP',
      details: { id: 'o-1', profileCount: 3 },
    });
    expect(refusal(() => assertNoProfileLeftAlone('o-1', 0))).toBeUndefined();
  });
});

describe('an organization scope', () => {
  it('limits agents and viewers to the organizations given, in order, without repeats', () => {
    expect(organizationScopeFor('agent', ['b', 'a', 'b'])).toEqual(['a', 'b']);
    expect(organizationScopeFor('viewer', ['a'])).toEqual(['a']);
  });

  it('is every organization for an empty list or null, for any role', () => {
    for (const role of roles) {
      expect(organizationScopeFor(role, [])).toBeNull();
      expect(organizationScopeFor(role, null)).toBeNull();
    }
  });

  it('is refused for admins and above, who see every organization', () => {
    for (const role of ['master', 'super_admin', 'admin'] as const) {
      expect(refusal(() => organizationScopeFor(role, ['a']))).toMatchObject({
        code: 'INVALID_FIELD',
        path: 'memberId',
      });
      expect(keepsOrganizationScope(role)).toBe(false);
    }
    expect(keepsOrganizationScope('agent')).toBe(true);
  });
});
