import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc.ts';
import { Detail } from '../../ui/details.tsx';
import { workflowsPath } from './customer-data-layout.tsx';
import { StructureListPage } from './structure-list-page.tsx';

export function WorkflowsPage() {
  const trpc = useTRPC();
  const workflows = useQuery(trpc.workflows.list.queryOptions({}));
  const types = useQuery(trpc.profileTypes.list.queryOptions({}));
  return (
    <StructureListPage
      list="workflows"
      title="Workflows"
      intro="Named sequences of stages that records move through, in one stage of each workflow at a time. A profile type may start the records that adopt it in one."
      noun="workflow"
      pluralNoun="workflows"
      path={workflowsPath}
      query={workflows}
      deleteOptions={trpc.workflows.delete.mutationOptions()}
      nameOf={(workflow) => workflow.name}
      deleteConsequence={(workflow) => (
        <p>
          <strong>{workflow.name}</strong> is deleted: records leave it, and profile types that start records
          in it no longer do.
        </p>
      )}
      renderFacts={(workflow) => {
        const starters = (types.data ?? []).filter((type) => type.defaultWorkflowId === workflow.id);
        return (
          <>
            {workflow.description ? (
              <p className="structure-card-description">{workflow.description}</p>
            ) : null}
            <dl className="details structure-facts">
              <Detail term="Slug">
                <code>{workflow.slug}</code>
              </Detail>
              <Detail term="Stages">
                <ol className="stage-list" aria-label={`Stages of ${workflow.name}`}>
                  {workflow.stages.map((stage) => (
                    <li key={stage.id}>{stage.name}</li>
                  ))}
                </ol>
              </Detail>
              <Detail term="Default of">{starters.map((type) => type.title).join(', ')}</Detail>
            </dl>
          </>
        );
      }}
    />
  );
}
