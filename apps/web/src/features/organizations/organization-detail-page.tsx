import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { asApiError, hasDomainCode, issuesOf, messageOf } from '../../lib/api-errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { DateTime } from '../../ui/date-time.tsx';
import { Detail } from '../../ui/details.tsx';
import { PageHeading } from '../../ui/page-heading.tsx';
import { EmptyState, LoadError, Loading } from '../../ui/states.tsx';
import { useMoveFocus } from '../../ui/use-move-focus.ts';
import { UsageStreamSection } from '../activity/usage-stream-section.tsx';
import { useCan } from '../auth/session.tsx';
import { RecordProfileTypesSection } from '../profile-types/record-profile-types-section.tsx';
import { forgetOrganization } from './organization-cache.ts';
import { OrganizationContactsSection } from './organization-contacts-section.tsx';
import { OrganizationForm } from './organization-form.tsx';
import { OrganizationMembersSection } from './organization-members-section.tsx';
import { aloneProfilesRefusal, type Organization } from './organization.values.ts';
import type { OrganizationsListState } from './organizations-list-page.tsx';

export function OrganizationDetailPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const organization = useQuery(trpc.organizations.get.queryOptions({ id }));
  useDocumentTitle(organization.data?.name ?? 'Organization');

  if (organization.isPending) return <Loading label="Loading organization…" />;
  if (organization.isError) {
    const error = organization.error;
    const isMissing =
      hasDomainCode(error, 'ORGANIZATION_NOT_FOUND') || issuesOf(error).some((issue) => issue.path === 'id');
    if (isMissing) return <OrganizationNotFound />;
    return (
      <LoadError
        title="Could not load this organization"
        error={error}
        onRetry={() => void organization.refetch()}
        isRetrying={organization.isFetching}
      />
    );
  }
  return <OrganizationDetail organization={organization.data} />;
}

function Breadcrumbs() {
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumb">
      <Link to="/organizations">Organizations</Link>
    </nav>
  );
}

function OrganizationNotFound() {
  return (
    <>
      <Breadcrumbs />
      <PageHeading>Organization not found</PageHeading>
      <EmptyState title="No organization you may see has this address.">
        <p className="muted">It may have been deleted, or the link may be wrong.</p>
        <Link to="/organizations">Back to organizations</Link>
      </EmptyState>
    </>
  );
}

/** What a refused deletion says: how many profiles keep the organization, when that is the reason. */
function deletionRefusal(error: unknown): string {
  const count = asApiError(error)?.data?.details.profileCount;
  if (hasDomainCode(error, 'LAST_MEMBERSHIP') && typeof count === 'number')
    return aloneProfilesRefusal(count);
  return messageOf(error);
}

function OrganizationDetail({ organization }: { organization: Organization }) {
  const isWriter = useCan('organizations.write');
  const isDeleter = useCan('organizations.delete');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const moveFocus = useMoveFocus();
  const [isEditing, setIsEditing] = useState(false);
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
  const remove = useMutation(
    trpc.organizations.delete.mutationOptions({
      onSuccess: async ({ id }) => {
        setIsConfirmingDelete(false);
        const state: OrganizationsListState = { notice: `${organization.name} was deleted.` };
        await navigate('/organizations', { state });
        await forgetOrganization(queryClient, trpc, id);
      },
    }),
  );

  function stopEditing() {
    setIsEditing(false);
    moveFocus(() => document.getElementById('edit-organization'));
  }

  return (
    <>
      <Breadcrumbs />
      <div className="page-header">
        <PageHeading>{organization.name}</PageHeading>
        <div className="page-actions">
          {isWriter && !isEditing ? (
            <button
              type="button"
              id="edit-organization"
              className="button button-primary"
              onClick={() => {
                setIsEditing(true);
                moveFocus(() => document.getElementById('edit-organization-name'));
              }}
            >
              Edit
            </button>
          ) : null}
          {isDeleter ? (
            <button
              type="button"
              className="button button-danger-outline"
              onClick={() => {
                remove.reset();
                setIsConfirmingDelete(true);
              }}
            >
              Delete
            </button>
          ) : null}
        </div>
      </div>

      <div className="detail-grid">
        {isEditing ? (
          <OrganizationForm organization={organization} onSaved={stopEditing} onCancel={stopEditing} />
        ) : (
          <section className="card" aria-labelledby="organization-details">
            <h2 id="organization-details" className="card-title">
              Details
            </h2>
            <dl className="details">
              <Detail term="Name">{organization.name}</Detail>
              <Detail term="External id">
                {organization.externalId ? <code>{organization.externalId}</code> : null}
              </Detail>
              <Detail term="Domain">{organization.domain}</Detail>
              <Detail term="Created">
                <DateTime value={organization.createdAt} />
              </Detail>
              <Detail term="Updated">
                <DateTime value={organization.updatedAt} />
              </Detail>
              <Detail term="Organization ID">
                <code>{organization.id}</code>
              </Detail>
            </dl>
          </section>
        )}
        <OrganizationContactsSection organization={organization} canEdit={isWriter} />
      </div>

      <OrganizationMembersSection organization={organization} canEdit={isWriter} />

      <div className="detail-grid activity-grid">
        <UsageStreamSection organization={organization} />
      </div>

      <RecordProfileTypesSection objectKind="organizations" recordId={organization.id} canEdit={isWriter} />

      <ConfirmDialog
        isOpen={isConfirmingDelete}
        title="Delete this organization?"
        confirmLabel="Delete organization"
        pendingLabel="Deleting…"
        isPending={remove.isPending}
        error={remove.isError ? deletionRefusal(remove.error) : null}
        onConfirm={() => remove.mutate({ id: organization.id })}
        onCancel={() => setIsConfirmingDelete(false)}
      >
        <p>
          <strong>{organization.name}</strong> is deleted for everyone in this workspace, with its memberships
          and their attributes. Its profiles stay. This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
