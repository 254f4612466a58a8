import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc.ts';
import { Detail } from '../../ui/details.tsx';
import { profileTypesPath } from './customer-data-layout.tsx';
import { ProfileTypeBadge } from './profile-type-badge.tsx';
import { bundledDefinitions } from './profile-type-form.fields.ts';
import { StructureListPage } from './structure-list-page.tsx';
import { categoryLabels } from './structure-labels.ts';

export function ProfileTypesPage() {
  const trpc = useTRPC();
  const types = useQuery(trpc.profileTypes.list.queryOptions({}));
  const definitions = useQuery(trpc.attributeDefinitions.list.queryOptions({}));
  const workflows = useQuery(trpc.workflows.list.queryOptions({}));
  return (
    <StructureListPage
      list="profile-types"
      title="Profile types"
      intro="Named bundles of custom attributes, with a badge colour and defaults, that contacts, organizations and users adopt. A record can hold several; their attributes combine."
      noun="profile type"
      pluralNoun="profile types"
      path={profileTypesPath}
      query={types}
      deleteOptions={trpc.profileTypes.delete.mutationOptions()}
      nameOf={(type) => type.title}
      headingOf={(type) => <ProfileTypeBadge type={type} />}
      deleteConsequence={(type) => (
        <p>
          <strong>{type.title}</strong> is deleted for everyone. Records that adopted it no longer show it or
          its attributes; the values they hold are kept.
        </p>
      )}
      renderFacts={(type) => {
        const attributes = bundledDefinitions(
          type.attributes,
          (definitions.data ?? []).filter((definition) => definition.objectKind === type.objectKind),
        );
        const workflow = workflows.data?.find((each) => each.id === type.defaultWorkflowId);
        return (
          <>
            {type.description ? <p className="structure-card-description">{type.description}</p> : null}
            <dl className="details structure-facts">
              <Detail term="Slug">
                <code>{type.slug}</code>
              </Detail>
              <Detail term="Category">{categoryLabels[type.category]}</Detail>
              <Detail term="Attributes">
                {type.attributes.length === 1 ? '1 attribute' : `${type.attributes.length} attributes`}
                {attributes.length > 0 ? (
                  <span className="sub-value">{attributes.map((each) => each.label).join(', ')}</span>
                ) : null}
              </Detail>
              <Detail term="Default workflow">{workflow?.name}</Detail>
            </dl>
          </>
        );
      }}
    />
  );
}
