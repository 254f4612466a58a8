import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { mayChangeMember, type Role } from '@tessera/domain';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { messageOf } from '../../lib/api-errors.ts';
import { splitError } from '../../lib/field-errors.ts';
import { useTRPC, type RouterOutputs } from '../../lib/trpc.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Alert } from '../../ui/alert.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { DateTime } from '../../ui/date-time.tsx';
import { PageHeading } from '../../ui/page-heading.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { LoadError, Loading } from '../../ui/states.tsx';
import { useMoveFocus } from '../../ui/use-move-focus.ts';
import { roleLabel } from '../auth/role-label.ts';
import { useCan, useSession } from '../auth/session.tsx';
import { CreateMemberForm } from './create-member-form.tsx';
import { accessOf, removalConsequence, roleOptions } from './members.values.ts';
import { MemberScope, OrganizationScopeDialog, type ScopeEdit } from './organization-scope.tsx';

type Member = RouterOutputs['members']['list'][number];

export function MembersPage() {
  useDocumentTitle('Members');
  const isReader = useCan('members.read');
  const isManager = useCan('members.manage');

  return (
    <>
      <div className="page-header">
        <PageHeading>Members</PageHeading>
      </div>
      <p className="page-intro muted">
        The people who sign in to this workspace or own its API tokens. Their role says what they may do.
      </p>
      {isReader ? (
        <>
          {isManager ? (
            <CreateMemberForm />
          ) : (
            <Alert tone="info">
              Your role may see the members but not change them. Ask a super admin or the master.
            </Alert>
          )}
          <MembersSection isManager={isManager} />
        </>
      ) : (
        <Alert tone="info">Your role may not see the members of this workspace. Ask an admin.</Alert>
      )}
    </>
  );
}

/** The list under its heading; the focus goes to that heading once a member is removed, as its buttons are gone. */
function MembersSection({ isManager }: { isManager: boolean }) {
  const isScopeManager = useCan('members.setOrganizationScope');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { member: me } = useSession();
  const members = useQuery(trpc.members.list.queryOptions());
  const titleRef = useRef<HTMLHeadingElement>(null);
  const moveFocus = useMoveFocus();
  const [changing, setChanging] = useState<{ member: Member; role: Role } | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [scoping, setScoping] = useState<ScopeEdit | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function refresh(member: Member) {
    await Promise.all([
      queryClient.invalidateQueries(trpc.members.list.queryFilter()),
      // A member made admin or above sees every organization from now on.
      queryClient.invalidateQueries(trpc.members.organizationScope.queryFilter({ memberId: member.id })),
    ]);
    // Your own role or membership changed: what the console shows you changes with it.
    if (member.id === me.id) await queryClient.invalidateQueries(trpc.auth.me.queryFilter());
  }

  const updateRole = useMutation(
    trpc.members.updateRole.mutationOptions({
      onSuccess: async (member) => {
        setChanging(null);
        setDone(`${member.name} is now ${roleLabel(member.role)}.`);
        await refresh(member);
      },
    }),
  );
  const remove = useMutation(
    trpc.members.remove.mutationOptions({
      onSuccess: async (member) => {
        setRemoving(null);
        setDone(`${member.name} was removed.`);
        moveFocus(() => titleRef.current);
        await refresh(member);
      },
    }),
  );
  const roleErrors = updateRole.isError ? splitError(updateRole.error, ['role']) : null;

  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title" ref={titleRef} className="section-title" tabIndex={-1}>
        Members of this workspace
      </h2>
      {done ? <Alert tone="success">{done}</Alert> : null}
      {members.isPending ? (
        <Loading label="Loading members…" />
      ) : members.isError ? (
        <LoadError
          title="Could not load the members"
          error={members.error}
          onRetry={() => void members.refetch()}
          isRetrying={members.isFetching}
        />
      ) : (
        <div className="table-wrap">
          <table className="table members-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Signs in with</th>
                {isScopeManager ? <th scope="col">Organizations</th> : null}
                <th scope="col">Added</th>
                {isManager ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {members.data.map((member) => (
                <tr key={member.id}>
                  <td>
                    <Link to={`/members/${member.id}`}>{member.name}</Link>
                    {member.id === me.id ? (
                      <>
                        {' '}
                        <span className="badge badge-muted">You</span>
                      </>
                    ) : null}
                  </td>
                  <td>{member.email}</td>
                  <td className="nowrap">
                    <span className="badge">{roleLabel(member.role)}</span>
                  </td>
                  <td data-label="Signs in with">{accessOf(member)}</td>
                  {isScopeManager ? (
                    <td data-label="Organizations">
                      <MemberScope
                        member={member}
                        onChange={(edit) => {
                          setDone(null);
                          setScoping(edit);
                        }}
                      />
                    </td>
                  ) : null}
                  <td className="nowrap" data-label="Added">
                    <DateTime value={member.createdAt} />
                  </td>
                  {isManager ? (
                    <td className="cell-actions">
                      {mayChangeMember(me.role, member.role) ? (
                        <>
                          <button
                            type="button"
                            className="button button-small"
                            aria-label={`Change the role of ${member.name}`}
                            onClick={() => {
                              updateRole.reset();
                              setDone(null);
                              setChanging({ member, role: member.role });
                            }}
                          >
                            Change role
                          </button>{' '}
                          <button
                            type="button"
                            className="button button-small button-danger-outline"
                            aria-label={`Remove ${member.name}`}
                            onClick={() => {
                              remove.reset();
                              setDone(null);
                              setRemoving(member);
                            }}
                          >
                            Remove
                          </button>
                        </>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <OrganizationScopeDialog
        edit={scoping}
        onClose={() => setScoping(null)}
        onSaved={(notice) => {
          setScoping(null);
          setDone(notice);
        }}
      />
      <ConfirmDialog
        isOpen={changing !== null}
        title={`Change the role of ${changing?.member.name ?? ''}`}
        tone="primary"
        confirmLabel="Change role"
        pendingLabel="Changing…"
        isPending={updateRole.isPending}
        error={roleErrors?.form}
        onConfirm={() => {
          if (changing) updateRole.mutate({ id: changing.member.id, role: changing.role });
        }}
        onCancel={() => setChanging(null)}
      >
        {changing ? (
          <SelectField
            id="member-role"
            label="Role"
            required
            value={changing.role}
            options={roleOptions(me.role)}
            onValueChange={(value) => {
              updateRole.reset();
              setChanging({ ...changing, role: value as Role });
            }}
            error={roleErrors?.fields.role}
            hint={
              changing.member.id === me.id
                ? 'This is your own role: a lower one takes effect for you at once.'
                : 'It takes effect at once, in the console and for the member’s API tokens.'
            }
          />
        ) : null}
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={removing !== null}
        title={removing?.id === me.id ? 'Leave this workspace?' : 'Remove this member?'}
        confirmLabel={removing?.id === me.id ? 'Leave workspace' : 'Remove member'}
        pendingLabel="Removing…"
        isPending={remove.isPending}
        error={remove.isError ? messageOf(remove.error) : null}
        onConfirm={() => {
          if (removing) remove.mutate({ id: removing.id });
        }}
        onCancel={() => setRemoving(null)}
      >
        {removing ? <p>{removalConsequence(removing, removing.id === me.id)}</p> : null}
      </ConfirmDialog>
    </section>
  );
}
