import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../lib/api-errors.ts';
import { useTRPC, type RouterInputs } from '../../lib/trpc.ts';
import { refreshMemberships } from './organization-cache.ts';
import type { Membership } from './profile-memberships.ts';
import { SearchCombobox, type ComboboxOption } from './search-combobox.tsx';
import type { SearchMatches } from './search-matches.ts';

interface AddMembershipFieldProps {
  id: string;
  label: string;
  placeholder: string;
  hint: string;
  noMatchText: string;
  /** The profiles or organizations that match what is typed */
  matches: SearchMatches;
  /** The membership the option chosen makes */
  membershipOf: (option: ComboboxOption) => RouterInputs['memberships']['create'];
  /** What to announce once it is made: `Ada Lovelace was added.` */
  noticeOf: (membership: Membership) => string;
}

/** A search box whose choice is added at once: a profile to an organization, or an organization to a profile. */
export function AddMembershipField(props: AddMembershipFieldProps) {
  const { id, label, placeholder, hint, noMatchText, matches, membershipOf, noticeOf } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState('');
  const add = useMutation(
    trpc.memberships.create.mutationOptions({
      onSuccess: async (membership) => {
        matches.setText('');
        setNotice(noticeOf(membership));
        await refreshMemberships(queryClient, trpc);
      },
    }),
  );

  return (
    <div className="add-membership">
      <SearchCombobox
        id={id}
        label={label}
        placeholder={placeholder}
        text={matches.text}
        onTextChange={(text) => {
          matches.setText(text);
          add.reset();
          setNotice('');
        }}
        options={matches.options}
        status={matches.status}
        noMatchText={noMatchText}
        onChoose={(option) => {
          if (!add.isPending) add.mutate(membershipOf(option));
        }}
        error={add.isError ? messageOf(add.error) : undefined}
        hint={add.isPending ? 'Adding…' : hint}
      />
      <p className="field-success" role="status">
        {notice}
      </p>
    </div>
  );
}
