import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { keepsOrganizationScope, setOrganizationScopeInput } from '@tessera/domain';
import { useRef, useState, type FormEvent } from 'react';
import { schemaIssues, splitError, splitIssues } from '../../lib/field-errors.ts';
import { useTRPC, type RouterOutputs } from '../../lib/trpc.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { useFormErrors } from '../../ui/use-form-errors.ts';
import { SearchCombobox } from '../organizations/search-combobox.tsx';
import { useOrganizationMatches } from '../organizations/search-matches.ts';

type Member = RouterOutputs['members']['list'][number];

/** A member whose organizations an admin is choosing, with those it sees now (null: every one). */
export interface ScopeEdit {
  member: Member;
  organizationIds: string[] | null;
}

/** How many names of a member's organizations the list shows before saying how many more. */
const namesShown = 3;

/** The names of these organizations, in the order given; `…` while one loads. */
function useOrganizationNames(ids: readonly string[]): string[] {
  const trpc = useTRPC();
  const queries = useQueries({
    queries: ids.map((id) => trpc.organizations.get.queryOptions({ id })),
  });
  return queries.map(
    (query) => query.data?.name ?? (query.isError ? 'An organization no longer there' : '…'),
  );
}

function ScopeNames({ ids }: { ids: readonly string[] }) {
  const names = useOrganizationNames(ids.slice(0, namesShown));
  const more = ids.length - names.length;
  if (ids.length === 0) return <>No organization</>;
  return (
    <>
      {names.join(', ')}
      {more > 0 ? ` and ${more} more` : ''}
    </>
  );
}

interface MemberScopeProps {
  member: Member;
  onChange: (edit: ScopeEdit) => void;
}

/**
 * The organizations a member may see (reference 004: admins define the accounts each user may
 * view): every one for admins and above; for an agent or a viewer, every one or those chosen.
 */
export function MemberScope({ member, onChange }: MemberScopeProps) {
  const trpc = useTRPC();
  const isScopable = keepsOrganizationScope(member.role);
  const scope = useQuery({
    ...trpc.members.organizationScope.queryOptions({ memberId: member.id }),
    enabled: isScopable,
  });
  if (!isScopable) return <span className="muted">All organizations</span>;
  if (scope.isPending) return <span className="muted">Loading…</span>;
  if (scope.isError) return <span className="field-error">Could not load</span>;
  const { organizationIds } = scope.data;
  return (
    <span className="member-scope">
      <span>{organizationIds === null ? 'All organizations' : <ScopeNames ids={organizationIds} />}</span>
      <button
        type="button"
        className="button button-small"
        aria-label={`Change the organizations ${member.name} may see`}
        onClick={() => onChange({ member, organizationIds })}
      >
        Change
      </button>
    </span>
  );
}

interface OrganizationScopeDialogProps {
  edit: ScopeEdit | null;
  onClose: () => void;
  onSaved: (notice: string) => void;
}

const fieldNames = ['organizationIds'];
const organizationFieldId = 'scope-organization';

/** Lets an admin choose the organizations an agent or a viewer sees: every one, or only some. */
export function OrganizationScopeDialog({ edit, onClose, onSaved }: OrganizationScopeDialogProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, refuse, clear } = useFormErrors(formRef);
  const [shownEdit, setShownEdit] = useState<ScopeEdit | null>(null);
  const [isLimited, setIsLimited] = useState(false);
  const [chosenIds, setChosenIds] = useState<string[]>([]);
  const chosenNames = useOrganizationNames(chosenIds);
  const matches = useOrganizationMatches(chosenIds);
  const save = useMutation(
    trpc.members.setOrganizationScope.mutationOptions({
      onSuccess: (scope) => {
        queryClient.setQueryData(
          trpc.members.organizationScope.queryKey({ memberId: scope.memberId }),
          scope,
        );
        const name = edit?.member.name ?? 'The member';
        const count = scope.organizationIds?.length ?? 0;
        onSaved(
          scope.organizationIds === null
            ? `${name} now sees every organization.`
            : `${name} now sees ${count === 1 ? '1 organization' : `${count} organizations`}.`,
        );
      },
      onError: (error) => refuse(splitError(error, fieldNames)),
    }),
  );

  if (edit !== shownEdit) {
    setShownEdit(edit);
    if (edit) {
      setIsLimited(edit.organizationIds !== null);
      setChosenIds(edit.organizationIds ?? []);
      matches.setText('');
      clear();
    }
  }

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!edit || save.isPending) return;
    if (isLimited && chosenIds.length === 0) {
      return refuse({
        fields: { organizationIds: 'Choose at least one organization, or let the member see all of them' },
        form: null,
      });
    }
    const parsed = setOrganizationScopeInput.safeParse({
      memberId: edit.member.id,
      organizationIds: isLimited ? chosenIds : null,
    });
    if (!parsed.success) return refuse(splitIssues(schemaIssues(parsed.error), fieldNames));
    clear();
    save.mutate(parsed.data);
  }

  function choose(isLimitedNow: boolean) {
    setIsLimited(isLimitedNow);
    clear();
  }

  return (
    <ConfirmDialog
      isOpen={edit !== null}
      title={`Organizations ${edit?.member.name ?? ''} may see`}
      tone="primary"
      confirmLabel="Save"
      pendingLabel="Saving…"
      isPending={save.isPending}
      error={errors.form}
      onConfirm={submit}
      onCancel={onClose}
    >
      <form ref={formRef} className="scope-form" onSubmit={submit} noValidate>
        <fieldset className="field-group">
          <legend>What this {edit?.member.role === 'viewer' ? 'viewer' : 'agent'} sees</legend>
          <label className="check">
            <input type="radio" name="scope" checked={!isLimited} onChange={() => choose(false)} />
            All organizations, and every profile
          </label>
          <label className="check">
            <input type="radio" name="scope" checked={isLimited} onChange={() => choose(true)} />
            Only the organizations chosen, and their profiles
          </label>
        </fieldset>
        {isLimited ? (
          <>
            {chosenIds.length > 0 ? (
              <ul className="scope-chosen" aria-label="Organizations chosen">
                {chosenIds.map((id, index) => (
                  <li key={id}>
                    <span>{chosenNames[index]}</span>
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Take ${chosenNames[index] ?? 'this organization'} out`}
                      onClick={() => {
                        setChosenIds((ids) => ids.filter((each) => each !== id));
                        document.getElementById(organizationFieldId)?.focus();
                      }}
                    >
                      Take out
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
            <SearchCombobox
              id={organizationFieldId}
              label="Add an organization"
              placeholder="Name, external id or domain"
              text={matches.text}
              onTextChange={matches.setText}
              options={matches.options}
              status={matches.status}
              noMatchText="No other organization matches."
              onChoose={(option) => {
                setChosenIds((ids) => [...ids, option.id]);
                matches.setText('');
                clear('organizationIds');
              }}
              error={errors.fields.organizationIds}
              hint="It sees the profiles of these organizations only, from its next request."
            />
          </>
        ) : null}
      </form>
    </ConfirmDialog>
  );
}
