import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc.ts';
import { Detail } from '../../ui/details.tsx';
import { rulesSummary } from './attribute-definition-form.fields.ts';
import { attributesPath } from './customer-data-layout.tsx';
import { StructureListPage } from './structure-list-page.tsx';
import { dataTypeLabels } from './structure-labels.ts';

export function AttributesPage() {
  const trpc = useTRPC();
  const definitions = useQuery(trpc.attributeDefinitions.list.queryOptions({}));
  const types = useQuery(trpc.profileTypes.list.queryOptions({}));
  return (
    <StructureListPage
      list="attributes"
      title="Attributes"
      intro="The typed custom fields of each kind of record, checked against their rules wherever a value is set. Profile types bundle them."
      noun="attribute"
      pluralNoun="attributes"
      path={attributesPath}
      query={definitions}
      deleteOptions={trpc.attributeDefinitions.delete.mutationOptions()}
      nameOf={(definition) => definition.label}
      deleteConsequence={(definition) => (
        <p>
          <strong>{definition.label}</strong> is deleted, with every value records hold of it. This cannot be
          undone. An attribute that profile types bundle must first be taken out of them.
        </p>
      )}
      renderFacts={(definition) => {
        const bundlers = (types.data ?? []).filter(
          (type) => type.objectKind === definition.objectKind && type.attributes.includes(definition.slug),
        );
        return (
          <>
            {definition.description ? (
              <p className="structure-card-description">{definition.description}</p>
            ) : null}
            <dl className="details structure-facts">
              <Detail term="Slug">
                <code>{definition.slug}</code>
              </Detail>
              <Detail term="Data type">{dataTypeLabels[definition.dataType]}</Detail>
              <Detail term="Required">{definition.isRequired ? 'Yes' : 'No'}</Detail>
              <Detail term="Rules">{rulesSummary(definition)}</Detail>
              <Detail term="In profile types">{bundlers.map((type) => type.title).join(', ')}</Detail>
            </dl>
          </>
        );
      }}
    />
  );
}
