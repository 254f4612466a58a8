import { TextField } from '../../ui/text-field.tsx';
import { workflowsPath } from './customer-data-layout.tsx';
import { OrderedRows } from './ordered-rows.tsx';
import {
  DescriptionField,
  NameAndSlugFields,
  ObjectKindField,
  StructureFormShell,
  type StructureFormProps,
} from './structure-form.tsx';
import { kebabSlugOf, objectKindLabels } from './structure-labels.ts';
import { newStage, renamedStage, type StageValues, type WorkflowFormValues } from './workflow-form.fields.ts';

export function WorkflowForm(props: StructureFormProps<WorkflowFormValues>) {
  const { form, isNew, onSubmit } = props;
  const { values, errors, change } = form;

  function changeStage(index: number, apply: (stage: StageValues) => StageValues, paths: string[]) {
    change(
      (current) => ({
        ...current,
        stages: current.stages.map((stage, at) => (at === index ? apply(stage) : stage)),
      }),
      paths,
    );
  }

  return (
    <StructureFormShell {...props} onSubmit={() => onSubmit(values)} cancelTo={workflowsPath}>
      <fieldset className="form-section">
        <legend>Workflow</legend>
        <div className="form-grid">
          <NameAndSlugFields
            form={form}
            nameKey="name"
            nameLabel="Name"
            slugOf={kebabSlugOf}
            isNew={isNew}
            isSlugFixed={false}
            slugHint={`Unique among ${objectKindLabels[values.objectKind].toLowerCase()} workflows.`}
          />
          <ObjectKindField
            isNew={isNew}
            value={values.objectKind}
            error={errors.fields.objectKind}
            hint="The records that move through it"
            onKindChange={(objectKind) => change((current) => ({ ...current, objectKind }), ['objectKind'])}
          />
        </div>
        <DescriptionField form={form} />
      </fieldset>

      <fieldset className="form-section">
        <legend>Stages</legend>
        <p className="field-hint form-section-intro">
          In order: a record starts in the first. A stage keeps its records while its slug stays.
        </p>
        <OrderedRows
          list="stages"
          rows={values.stages}
          nameOf={(stage, index) => stage.name || `stage ${index + 1}`}
          onRowsChange={(stages, paths) => change((current) => ({ ...current, stages }), paths)}
          newRow={newStage}
          addLabel="Add stage"
          firstFieldId={(index) => `stages.${index}.name`}
          error={errors.fields.stages}
          renderFields={(stage, index) => (
            <>
              <TextField
                id={`stages.${index}.name`}
                label="Stage name"
                required
                autoComplete="off"
                value={stage.name}
                onValueChange={(name) =>
                  changeStage(index, (current) => renamedStage(current, name), [
                    `stages.${index}.name`,
                    `stages.${index}.slug`,
                  ])
                }
                error={errors.fields[`stages.${index}.name`]}
              />
              <TextField
                id={`stages.${index}.slug`}
                label="Stage slug"
                required
                autoComplete="off"
                spellCheck={false}
                value={stage.slug}
                onValueChange={(slug) =>
                  changeStage(index, (current) => ({ ...current, slug, isSlugSuggested: false }), [
                    `stages.${index}.slug`,
                  ])
                }
                error={errors.fields[`stages.${index}.slug`]}
              />
            </>
          )}
        />
      </fieldset>
    </StructureFormShell>
  );
}
