import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { updateProfileInput } from '@tessera/domain';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { hasDomainCode, messageOf } from '../../lib/api-errors.ts';
import { schemaIssues } from '../../lib/field-errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Alert } from '../../ui/alert.tsx';
import { PageHeading } from '../../ui/page-heading.tsx';
import { useMoveFocus } from '../../ui/use-move-focus.ts';
import { useCan } from '../auth/session.tsx';
import { rememberProfile } from './profile-cache.ts';
import {
  ProfileForm,
  profileInputOf,
  profileValuesOf,
  useProfileForm,
  type Profile,
  type ProfileFormValues,
} from './profile-form.tsx';
import { ProfileLoadState } from './profile-load-state.tsx';
import { useProfileChoices } from './use-profile-choices.ts';

export function EditProfilePage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  // Refetching behind the form's back would not change what it edits, so it only happens on request.
  const profile = useQuery({
    ...trpc.profiles.get.queryOptions({ id }),
    refetchOnWindowFocus: false,
    staleTime: 0,
  });
  useDocumentTitle(profile.data ? `Edit ${profile.data.fullName}` : 'Edit profile');

  if (profile.isPending || profile.isError) return <ProfileLoadState query={profile} />;
  return <EditProfileForm key={profile.data.id} profile={profile.data} />;
}

function EditProfileForm({ profile }: { profile: Profile }) {
  const isWriter = useCan('profiles.write');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useProfileForm(profileValuesOf(profile));
  const { choices } = useProfileChoices(form.values);
  /** The version the form's values were loaded from; the server refuses the update if the profile moved on. */
  const [baseVersion, setBaseVersion] = useState(profile.version);
  const [hasConflict, setHasConflict] = useState(false);
  const [reloadError, setReloadError] = useState<string | null>(null);
  const [isReloading, setIsReloading] = useState(false);
  const moveFocus = useMoveFocus();
  const detailPath = `/profiles/${profile.id}`;

  const update = useMutation(
    trpc.profiles.update.mutationOptions({
      onSuccess: async (updated) => {
        await rememberProfile(queryClient, trpc, updated);
        await navigate(detailPath);
      },
      onError: (error) => {
        if (hasDomainCode(error, 'PROFILE_VERSION_CONFLICT')) {
          form.clearErrors();
          setHasConflict(true);
          return;
        }
        form.refuseError(error);
      },
    }),
  );

  async function reload() {
    setIsReloading(true);
    setReloadError(null);
    try {
      const latest = await queryClient.fetchQuery({
        ...trpc.profiles.get.queryOptions({ id: profile.id }),
        staleTime: 0,
      });
      form.reset(profileValuesOf(latest));
      setBaseVersion(latest.version);
      setHasConflict(false);
      moveFocus(() => document.getElementById('firstName'));
    } catch (error) {
      setReloadError(messageOf(error));
    } finally {
      setIsReloading(false);
    }
  }

  function submit(values: ProfileFormValues) {
    const parsed = updateProfileInput.safeParse({
      id: profile.id,
      version: baseVersion,
      ...profileInputOf(values),
    });
    if (!parsed.success) return form.refuseIssues(schemaIssues(parsed.error));
    form.clearErrors();
    update.mutate(parsed.data);
  }

  const conflictNotice = hasConflict ? (
    <Alert
      tone="warning"
      title="Someone else changed this profile"
      actions={
        <button type="button" className="button" onClick={() => void reload()} disabled={isReloading}>
          {isReloading ? 'Reloading…' : 'Reload profile'}
        </button>
      }
    >
      It changed after you opened it, so your edits were not saved. Reload to see the latest version, then
      make your changes again. Reloading replaces what you typed here.
      {reloadError ? <p className="field-error">{reloadError}</p> : null}
    </Alert>
  ) : null;

  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/profiles">Profiles</Link>
        <span aria-hidden="true">/</span>
        <Link to={detailPath}>{profile.fullName}</Link>
      </nav>
      <div className="page-header">
        <PageHeading>Edit profile</PageHeading>
      </div>
      {isWriter ? (
        <ProfileForm
          form={form}
          submitLabel="Save changes"
          pendingLabel="Saving…"
          isPending={update.isPending}
          cancelTo={detailPath}
          onSubmit={submit}
          choices={choices}
          notice={conflictNotice}
        />
      ) : (
        <Alert tone="info">Your role may look at profiles but not change them.</Alert>
      )}
    </>
  );
}
