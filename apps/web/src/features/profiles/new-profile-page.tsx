import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createProfileInput } from '@tessera/domain';
import { Link, useNavigate } from 'react-router';
import { schemaIssues } from '../../lib/field-errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Alert } from '../../ui/alert.tsx';
import { PageHeading } from '../../ui/page-heading.tsx';
import { useCan } from '../auth/session.tsx';
import { rememberProfile } from './profile-cache.ts';
import { useProfileChoices } from './use-profile-choices.ts';
import {
  emptyProfileValues,
  ProfileForm,
  profileInputOf,
  useProfileForm,
  type ProfileFormValues,
} from './profile-form.tsx';

export function NewProfilePage() {
  useDocumentTitle('New profile');
  const isWriter = useCan('profiles.write');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useProfileForm(emptyProfileValues);
  const { choices } = useProfileChoices(emptyProfileValues);
  const create = useMutation(
    trpc.profiles.create.mutationOptions({
      onSuccess: async (profile) => {
        await rememberProfile(queryClient, trpc, profile);
        await navigate(`/profiles/${profile.id}`);
      },
      onError: (error) => form.refuseError(error),
    }),
  );

  function submit(values: ProfileFormValues) {
    const parsed = createProfileInput.safeParse(profileInputOf(values));
    if (!parsed.success) return form.refuseIssues(schemaIssues(parsed.error));
    form.clearErrors();
    create.mutate(parsed.data);
  }

  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/profiles">Profiles</Link>
      </nav>
      <div className="page-header">
        <PageHeading>New profile</PageHeading>
      </div>
      {isWriter ? (
        <ProfileForm
          form={form}
          submitLabel="Create profile"
          pendingLabel="Creating…"
          isPending={create.isPending}
          cancelTo="/profiles"
          onSubmit={submit}
          choices={choices}
        />
      ) : (
        <Alert tone="info">Your role may look at profiles but not create them.</Alert>
      )}
    </>
  );
}
