import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../lib/api-errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { refreshMemberships } from './organization-cache.ts';
import type { Membership } from './profile-memberships.ts';

export type MembershipFlag = 'isContact' | 'isKeyContact';

/**
 * Changes to one membership: its contact and key contact flags (`flag` is each as set, shown at
 * once while it is saved, then as last saved until the lists that hold it load again), and taking
 * the profile out of the organization (`remove`, refused with LAST_MEMBERSHIP for its only one).
 */
export function useMembershipChanges(membership: Membership, onRemoved?: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [askedFlags, setAskedFlags] = useState<Partial<Record<MembershipFlag, boolean>>>({});
  const refresh = () => refreshMemberships(queryClient, trpc);
  const update = useMutation(
    trpc.memberships.update.mutationOptions({
      onSuccess: refresh,
      onSettled: (_saved, _error, { isContact, isKeyContact }) =>
        setAskedFlags((asked) => ({
          ...(isContact === undefined ? { isContact: asked.isContact } : {}),
          ...(isKeyContact === undefined ? { isKeyContact: asked.isKeyContact } : {}),
        })),
    }),
  );
  const remove = useMutation(
    trpc.memberships.delete.mutationOptions({
      onSuccess: async () => {
        onRemoved?.();
        await refresh();
      },
    }),
  );
  const saved = update.data;
  const shown = saved && saved.updatedAt >= membership.updatedAt ? saved : membership;
  const key = { organizationId: membership.organizationId, profileId: membership.profileId };
  const flag = (name: MembershipFlag) => askedFlags[name] ?? shown[name];
  const setFlag = (name: MembershipFlag, value: boolean) => {
    setAskedFlags((asked) => ({ ...asked, [name]: value }));
    update.mutate({ ...key, [name]: value });
  };
  return { update, remove, key, flag, setFlag };
}

export type MembershipChanges = ReturnType<typeof useMembershipChanges>;

export const flagLabels = { isContact: 'Contact', isKeyContact: 'Key contact' } as const;

interface MembershipFlagProps {
  changes: MembershipChanges;
  flag: MembershipFlag;
  /** The flag's name where no label is shown beside it: `Ada Lovelace is a key contact` */
  name?: string;
  canEdit: boolean;
}

/** One flag of the membership, as a checkbox saved at once; it shows what is being saved meanwhile. */
export function MembershipFlagCheckbox({ changes, flag, name, canEdit }: MembershipFlagProps) {
  const input = (
    <input
      type="checkbox"
      checked={changes.flag(flag)}
      disabled={!canEdit}
      aria-label={name}
      onChange={(event) => changes.setFlag(flag, event.target.checked)}
    />
  );
  if (name) return input;
  return (
    <label className="check">
      {input}
      {flagLabels[flag]}
    </label>
  );
}

/** Why the last change or the removal of a membership was refused, such as LAST_MEMBERSHIP. */
export function membershipErrorOf({ update, remove }: MembershipChanges): string | null {
  if (remove.isError) return messageOf(remove.error);
  if (update.isError) return messageOf(update.error);
  return null;
}
