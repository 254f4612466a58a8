import { grantableRoles, type MemberListing, type Role } from '@tessera/domain';
import type { SelectOption } from '../../ui/select-field.tsx';
import { roleLabel } from '../auth/role-label.ts';

/** What the form for a new member holds: text as typed, no role until one is chosen. */
export interface NewMemberValues {
  name: string;
  email: string;
  role: Role | '';
  password: string;
}

export const newMemberFieldNames = ['name', 'email', 'role', 'password'] as const;

export const emptyNewMember: NewMemberValues = { name: '', email: '', role: '', password: '' };

/** The input of `members.create` from the form: no role chosen stays missing, an empty password is none. */
export function createMemberInputOf(values: NewMemberValues) {
  return {
    name: values.name,
    email: values.email,
    role: values.role === '' ? undefined : values.role,
    password: values.password === '' ? null : values.password,
  };
}

/** The roles a member of `role` may give, as choices. */
export function roleOptions(role: Role): SelectOption[] {
  return grantableRoles(role).map((grantable) => ({ value: grantable, label: roleLabel(grantable) }));
}

function tokenCount(count: number): string {
  return `${count} API token${count === 1 ? '' : 's'}`;
}

/** How a member gets in: `Password and 2 API tokens`, `Password`, `1 API token`. */
export function accessOf(member: Pick<MemberListing, 'hasPassword' | 'liveTokenCount'>): string {
  const { hasPassword, liveTokenCount } = member;
  if (hasPassword && liveTokenCount > 0) return `Password and ${tokenCount(liveTokenCount)}`;
  if (hasPassword) return 'Password';
  return liveTokenCount > 0 ? tokenCount(liveTokenCount) : 'API tokens, none yet';
}

/** What removing a member does, said before it is done. */
export function removalConsequence(
  member: Pick<MemberListing, 'name' | 'email' | 'liveTokenCount'>,
  isYou: boolean,
): string {
  const count = member.liveTokenCount;
  const tokens =
    count === 0
      ? ''
      : ` ${isYou ? 'Your' : 'Their'} ${tokenCount(count)} stop${count === 1 ? 's' : ''} working too.`;
  if (isYou) return `You will be signed out at once and cannot sign in to this workspace again.${tokens}`;
  return `${member.name} (${member.email}) is signed out at once and cannot sign in again.${tokens} This cannot be undone.`;
}
