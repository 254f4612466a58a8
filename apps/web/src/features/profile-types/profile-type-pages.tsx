import { useMutation, useQuery } from '@tanstack/react-query';
import { createProfileTypeInput, updateProfileTypeInput } from '@tessera/domain';
import { useParams } from 'react-router';
import { schemaIssues } from '../../lib/field-errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import type { AttributeDefinition } from './attribute-value.drafts.ts';
import { profileTypesPath } from './customer-data-layout.tsx';
import { ProfileTypeForm } from './profile-type-form.tsx';
import {
  createProfileTypeInputOf,
  emptyProfileTypeValues,
  profileTypeFieldNames,
  profileTypeValuesOf,
  updateProfileTypeInputOf,
  type ProfileType,
  type ProfileTypeFormValues,
} from './profile-type-form.fields.ts';
import { StructureLoaded } from './structure-loaded.tsx';
import { StructureBreadcrumbs, StructureFormFrame, useBackToList } from './structure-page.tsx';
import { useStructureForm } from './use-structure-form.ts';
import { useStructureSave } from './use-structure-save.ts';

const list = { listPath: profileTypesPath, listTitle: 'Profile types' };

export function NewProfileTypePage() {
  useDocumentTitle('New profile type');
  const trpc = useTRPC();
  const { form, submit, isPending } = useStructureSave({
    initial: emptyProfileTypeValues('contacts'),
    fieldNamesOf: profileTypeFieldNames,
    schema: createProfileTypeInput,
    options: trpc.profileTypes.create.mutationOptions(),
    listPath: profileTypesPath,
    noticeOf: (type) => `${type.title} was created.`,
  });
  return (
    <>
      <StructureBreadcrumbs {...list} />
      <StructureFormFrame title="New profile type" pluralNoun="profile types">
        <ProfileTypeForm
          form={form}
          isNew
          submitLabel="Create profile type"
          pendingLabel="Creating…"
          isPending={isPending}
          onSubmit={(values, definitions) => submit(createProfileTypeInputOf(values, definitions))}
        />
      </StructureFormFrame>
    </>
  );
}

export function EditProfileTypePage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  // Refetching behind the form's back would not change what it edits.
  const type = useQuery({
    ...trpc.profileTypes.get.queryOptions({ id }),
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
  // Its default values are edited as their attributes' data types say.
  const definitions = useQuery({
    ...trpc.attributeDefinitions.list.queryOptions({ objectKind: type.data?.objectKind }),
    enabled: type.isSuccess,
  });
  useDocumentTitle(type.data ? `Edit ${type.data.title}` : 'Edit profile type');
  const both = {
    ...(type.isSuccess ? definitions : type),
    data: type.data && definitions.data ? { type: type.data, definitions: definitions.data } : undefined,
  };
  return (
    <StructureLoaded query={both} noun="profile type" notFoundCode="PROFILE_TYPE_NOT_FOUND" {...list}>
      {(loaded) => <EditProfileTypeForm key={loaded.type.id} {...loaded} />}
    </StructureLoaded>
  );
}

function EditProfileTypeForm({
  type,
  definitions,
}: {
  type: ProfileType;
  definitions: AttributeDefinition[];
}) {
  const trpc = useTRPC();
  const backToList = useBackToList(profileTypesPath);
  const form = useStructureForm(profileTypeValuesOf(type, definitions), profileTypeFieldNames);
  const setDefaultWorkflow = useMutation(
    trpc.profileTypes.setDefaultWorkflow.mutationOptions({
      onSuccess: (updated) => backToList(`${updated.title} was saved.`),
      onError: (error) => form.refuseError(error),
    }),
  );
  // The default workflow is set on its own, once the rest is saved.
  const update = useMutation(
    trpc.profileTypes.update.mutationOptions({
      onSuccess: async (updated) => {
        const workflowId = form.values.defaultWorkflowId === '' ? null : form.values.defaultWorkflowId;
        if (workflowId === updated.defaultWorkflowId) return backToList(`${updated.title} was saved.`);
        setDefaultWorkflow.mutate({ id: updated.id, workflowId });
      },
      onError: (error) => form.refuseError(error),
    }),
  );

  function submit(values: ProfileTypeFormValues, ofKind: readonly AttributeDefinition[]) {
    const { input, issues } = updateProfileTypeInputOf(type.id, values, ofKind);
    const parsed = updateProfileTypeInput.safeParse(input);
    if (!parsed.success || issues.length > 0) {
      return form.refuseIssues([...issues, ...(parsed.success ? [] : schemaIssues(parsed.error))]);
    }
    form.clearErrors();
    update.mutate(parsed.data);
  }

  return (
    <StructureFormFrame title={`Edit ${type.title}`} pluralNoun="profile types">
      <ProfileTypeForm
        form={form}
        isNew={false}
        submitLabel="Save changes"
        pendingLabel="Saving…"
        isPending={update.isPending || setDefaultWorkflow.isPending}
        onSubmit={submit}
      />
    </StructureFormFrame>
  );
}
