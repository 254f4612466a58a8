import { useQuery } from '@tanstack/react-query';
import { createAttributeDefinitionInput, updateAttributeDefinitionInput } from '@tessera/domain';
import { useParams } from 'react-router';
import { useTRPC } from '../../lib/trpc.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { AttributeDefinitionForm } from './attribute-definition-form.tsx';
import {
  createDefinitionInputOf,
  definitionFieldNames,
  definitionValuesOf,
  emptyDefinitionValues,
  updateDefinitionInputOf,
} from './attribute-definition-form.fields.ts';
import type { AttributeDefinition } from './attribute-value.drafts.ts';
import { attributesPath } from './customer-data-layout.tsx';
import { StructureLoaded } from './structure-loaded.tsx';
import { StructureBreadcrumbs, StructureFormFrame } from './structure-page.tsx';
import { useStructureSave } from './use-structure-save.ts';

const list = { listPath: attributesPath, listTitle: 'Attributes' };

export function NewAttributeDefinitionPage() {
  useDocumentTitle('New attribute');
  const trpc = useTRPC();
  const { form, submit, isPending } = useStructureSave({
    initial: emptyDefinitionValues('contacts'),
    fieldNamesOf: definitionFieldNames,
    schema: createAttributeDefinitionInput,
    options: trpc.attributeDefinitions.create.mutationOptions(),
    listPath: attributesPath,
    noticeOf: (definition) => `${definition.label} was created.`,
  });
  return (
    <>
      <StructureBreadcrumbs {...list} />
      <StructureFormFrame title="New attribute" pluralNoun="attributes">
        <AttributeDefinitionForm
          form={form}
          isNew
          submitLabel="Create attribute"
          pendingLabel="Creating…"
          isPending={isPending}
          onSubmit={(values) => submit({ input: createDefinitionInputOf(values) })}
        />
      </StructureFormFrame>
    </>
  );
}

export function EditAttributeDefinitionPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  // Refetching behind the form's back would not change what it edits.
  const query = useQuery({
    ...trpc.attributeDefinitions.get.queryOptions({ id }),
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
  useDocumentTitle(query.data ? `Edit ${query.data.label}` : 'Edit attribute');
  return (
    <StructureLoaded query={query} noun="attribute" notFoundCode="ATTRIBUTE_DEFINITION_NOT_FOUND" {...list}>
      {(definition) => <EditAttributeDefinitionForm key={definition.id} definition={definition} />}
    </StructureLoaded>
  );
}

function EditAttributeDefinitionForm({ definition }: { definition: AttributeDefinition }) {
  const trpc = useTRPC();
  // A change that could break stored values is refused with how many records hold them, at the field at fault.
  const { form, submit, isPending } = useStructureSave({
    initial: definitionValuesOf(definition),
    fieldNamesOf: definitionFieldNames,
    schema: updateAttributeDefinitionInput,
    options: trpc.attributeDefinitions.update.mutationOptions(),
    listPath: attributesPath,
    noticeOf: (updated) => `${updated.label} was saved.`,
  });
  return (
    <StructureFormFrame title={`Edit ${definition.label}`} pluralNoun="attributes">
      <AttributeDefinitionForm
        form={form}
        isNew={false}
        submitLabel="Save changes"
        pendingLabel="Saving…"
        isPending={isPending}
        onSubmit={(values) => submit({ input: updateDefinitionInputOf(definition.id, values) })}
      />
    </StructureFormFrame>
  );
}
