import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { messageOf } from '../../lib/api-errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { DateTime } from '../../ui/date-time.tsx';
import { PageHeading } from '../../ui/page-heading.tsx';
import { useCan } from '../auth/session.tsx';
import { dropFromLists, forgetProfile } from './profile-cache.ts';
import type { Profile } from './profile-form.tsx';
import { ProfileLoadState } from './profile-load-state.tsx';
import type { ProfilesListState } from './profiles-list-page.tsx';

export function ProfileDetailPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const profile = useQuery(trpc.profiles.get.queryOptions({ id }));
  useDocumentTitle(profile.data?.fullName ?? 'Profile');

  if (profile.isPending || profile.isError) return <ProfileLoadState query={profile} />;
  return <ProfileDetail profile={profile.data} />;
}

function Missing() {
  return <span className="muted">Not set</span>;
}

function ProfileDetail({ profile }: { profile: Profile }) {
  const isWriter = useCan('profiles.write');
  const isDeleter = useCan('profiles.delete');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [isConfirming, setIsConfirming] = useState(false);
  const remove = useMutation(
    trpc.profiles.delete.mutationOptions({
      onSuccess: async ({ id }) => {
        setIsConfirming(false);
        const state: ProfilesListState = { notice: `${profile.fullName} was deleted.` };
        dropFromLists(queryClient, trpc, id);
        await navigate('/profiles', { state });
        await forgetProfile(queryClient, trpc, id);
      },
    }),
  );

  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/profiles">Profiles</Link>
      </nav>
      <div className="page-header">
        <PageHeading>{profile.fullName}</PageHeading>
        <div className="page-actions">
          {isWriter ? (
            <Link className="button button-primary" to={`/profiles/${profile.id}/edit`}>
              Edit
            </Link>
          ) : null}
          {isDeleter ? (
            <button
              type="button"
              className="button button-danger-outline"
              onClick={() => {
                remove.reset();
                setIsConfirming(true);
              }}
            >
              Delete
            </button>
          ) : null}
        </div>
      </div>

      <div className="detail-grid">
        <section className="card" aria-labelledby="profile-details">
          <h2 id="profile-details" className="card-title">
            Details
          </h2>
          <dl className="details">
            <dt>First name</dt>
            <dd>{profile.firstName}</dd>
            <dt>Middle name</dt>
            <dd>{profile.middleName ?? <Missing />}</dd>
            <dt>Last name</dt>
            <dd>{profile.lastName ?? <Missing />}</dd>
            <dt>Email</dt>
            <dd>{profile.email ? <a href={`mailto:${profile.email}`}>{profile.email}</a> : <Missing />}</dd>
          </dl>
        </section>

        <section className="card" aria-labelledby="profile-record">
          <h2 id="profile-record" className="card-title">
            Record
          </h2>
          <dl className="details">
            <dt>Created</dt>
            <dd>
              <DateTime value={profile.createdAt} />
            </dd>
            <dt>Updated</dt>
            <dd>
              <DateTime value={profile.updatedAt} />
            </dd>
            <dt>Version</dt>
            <dd>{profile.version}</dd>
            <dt>Profile ID</dt>
            <dd>
              <code>{profile.id}</code>
            </dd>
          </dl>
        </section>
      </div>

      <ConfirmDialog
        isOpen={isConfirming}
        title="Delete this profile?"
        confirmLabel="Delete profile"
        pendingLabel="Deleting…"
        isPending={remove.isPending}
        error={remove.isError ? messageOf(remove.error) : null}
        onConfirm={() => remove.mutate({ id: profile.id })}
        onCancel={() => setIsConfirming(false)}
      >
        <p>
          <strong>{profile.fullName}</strong> will be deleted for everyone in this workspace. This cannot be
          undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
