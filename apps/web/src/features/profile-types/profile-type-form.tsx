import { useQuery } from '@tanstack/react-query';
import { profileTypeCategories } from '@tessera/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTRPC } from '../../lib/trpc.ts';
import { controlAttributes, FieldFrame, FieldMessages } from '../../ui/field-frame.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { useMoveFocus } from '../../ui/use-move-focus.ts';
import { AttributeValueField } from './attribute-value-field.tsx';
import { emptyDraft, type AttributeDefinition } from './attribute-value.drafts.ts';
import { defaultBadgeColour, isHexColour } from './badge-colour.ts';
import { attributesPath, profileTypesPath, workflowsPath } from './customer-data-layout.tsx';
import { moved, without } from './ordered-list.ts';
import { OrderButtons } from './ordered-rows.tsx';
import { ProfileTypeBadge } from './profile-type-badge.tsx';
import { bundledDefinitions, type ProfileTypeFormValues } from './profile-type-form.fields.ts';
import {
  DescriptionField,
  NameAndSlugFields,
  ObjectKindField,
  StructureFormShell,
  type StructureFormProps,
} from './structure-form.tsx';
import { categoryOptions, kebabSlugOf, objectKindLabels } from './structure-labels.ts';

interface ProfileTypeFormProps extends Omit<StructureFormProps<ProfileTypeFormValues>, 'onSubmit'> {
  /** With the definitions of the type's kind, which its default values are read against */
  onSubmit: (values: ProfileTypeFormValues, definitions: readonly AttributeDefinition[]) => void;
}

const addAttributeId = 'attributes';
const badgeHint =
  'A hex colour, like #1f6feb, or empty for none. The badge’s text is dark or white, whichever reads better on it.';

export function ProfileTypeForm(props: ProfileTypeFormProps) {
  const { form, isNew, onSubmit } = props;
  const trpc = useTRPC();
  const moveFocus = useMoveFocus();
  const { values, errors, change } = form;
  const kind = values.objectKind;
  const definitions = useQuery(trpc.attributeDefinitions.list.queryOptions({ objectKind: kind }));
  const workflows = useQuery(trpc.workflows.list.queryOptions({ objectKind: kind }));
  const [toAdd, setToAdd] = useState('');
  const ofKind = definitions.data ?? [];
  const bundled = bundledDefinitions(values.attributes, ofKind);
  const addable = ofKind.filter((definition) => !values.attributes.includes(definition.slug));
  const kindName = objectKindLabels[kind].toLowerCase();

  function addAttribute() {
    const definition = addable.find((each) => each.slug === toAdd);
    if (!definition) return;
    setToAdd('');
    change(
      (current) => ({
        ...current,
        attributes: [...current.attributes, definition.slug],
        defaultValues: {
          ...current.defaultValues,
          [definition.slug]: current.defaultValues[definition.slug] ?? emptyDraft(definition.dataType),
        },
      }),
      ['attributes'],
    );
  }

  return (
    <StructureFormShell
      {...props}
      onSubmit={() => definitions.data && onSubmit(values, definitions.data)}
      isReady={definitions.isSuccess}
      cancelTo={profileTypesPath}
    >
      <fieldset className="form-section">
        <legend>Profile type</legend>
        <div className="form-grid">
          <NameAndSlugFields
            form={form}
            nameKey="title"
            nameLabel="Title"
            slugOf={kebabSlugOf}
            isNew={isNew}
            isSlugFixed={false}
            slugHint={`Unique among ${kindName} profile types${isNew ? '; suggested from the title' : ''}.`}
          />
          <ObjectKindField
            isNew={isNew}
            value={kind}
            error={errors.fields.objectKind}
            hint="The records it applies to"
            onKindChange={(objectKind) =>
              change((current) => ({
                ...current,
                objectKind,
                category: current.category === current.objectKind ? objectKind : current.category,
                attributes: [],
                defaultWorkflowId: '',
                defaultValues: {},
              }))
            }
          />
          <SelectField
            id="category"
            label="Category"
            required
            value={values.category}
            options={categoryOptions}
            onValueChange={(value) => {
              const category = profileTypeCategories.find((each) => each === value);
              if (category) change((current) => ({ ...current, category }), ['category']);
            }}
            error={errors.fields.category}
            hint="What it is for, to group and segment by."
          />
        </div>
        <BadgeColourField
          title={values.title}
          value={values.badgeColor}
          error={errors.fields.badgeColor}
          onValueChange={(badgeColor) => change((current) => ({ ...current, badgeColor }), ['badgeColor'])}
        />
        <DescriptionField form={form} />
      </fieldset>

      <fieldset className="form-section">
        <legend>Attributes</legend>
        <p className="field-hint form-section-intro">
          The {kindName} attributes it bundles, in the order records show them.
        </p>
        {bundled.length === 0 ? <p className="muted">None yet.</p> : null}
        <ol className="ordered-rows">
          {values.attributes.map((slug, index) => {
            const name = ofKind.find((each) => each.slug === slug)?.label ?? slug;
            return (
              <li key={slug} className="ordered-row">
                <span className="ordered-row-name">
                  {name} <code>{slug}</code>
                </span>
                <OrderButtons
                  listId="attributes"
                  index={index}
                  count={values.attributes.length}
                  name={name}
                  moveFocus={moveFocus}
                  afterRemoveId={addAttributeId}
                  onMove={(step) =>
                    change(
                      (current) => ({ ...current, attributes: moved(current.attributes, index, step) }),
                      ['attributes'],
                    )
                  }
                  onRemove={() =>
                    change(
                      (current) => ({ ...current, attributes: without(current.attributes, index) }),
                      ['attributes', `defaultValues.${slug}`],
                    )
                  }
                />
              </li>
            );
          })}
        </ol>
        {definitions.isSuccess && ofKind.length === 0 ? (
          <p className="field-hint">
            There are no {kindName} attributes yet: create them under{' '}
            <Link to={attributesPath}>Attributes</Link>.
          </p>
        ) : (
          <div className="inline-form">
            <div className="field">
              <label htmlFor={addAttributeId}>Add an attribute</label>
              <select
                {...controlAttributes({
                  id: addAttributeId,
                  error: errors.fields.attributes,
                  hint: undefined,
                  required: false,
                })}
                value={toAdd}
                onChange={(event) => setToAdd(event.target.value)}
              >
                <option value="">
                  {addable.length === 0 ? 'All are in the type' : 'Choose an attribute'}
                </option>
                {addable.map((definition) => (
                  <option key={definition.slug} value={definition.slug}>
                    {definition.label}
                  </option>
                ))}
              </select>
              <FieldMessages id={addAttributeId} error={errors.fields.attributes} />
            </div>
            <button type="button" className="button" onClick={addAttribute} aria-disabled={toAdd === ''}>
              Add
            </button>
          </div>
        )}
      </fieldset>

      <fieldset className="form-section">
        <legend>Defaults</legend>
        <p className="field-hint form-section-intro">What a record takes when it adopts the type.</p>
        <div className="form-grid">
          <SelectField
            id="defaultWorkflowId"
            label="Default workflow"
            value={values.defaultWorkflowId}
            options={(workflows.data ?? []).map((workflow) => ({ value: workflow.id, label: workflow.name }))}
            noneLabel="None"
            onValueChange={(defaultWorkflowId) =>
              change((current) => ({ ...current, defaultWorkflowId }), ['defaultWorkflowId'])
            }
            error={errors.fields.defaultWorkflowId}
            hint="Records that adopt the type enter it at its first stage."
          />
          {bundled.map((definition) => {
            const path = `defaultValues.${definition.slug}`;
            return (
              <AttributeValueField
                key={definition.slug}
                id={path}
                definition={definition}
                draft={values.defaultValues[definition.slug] ?? emptyDraft(definition.dataType)}
                isRequired={false}
                error={errors.fields[path]}
                onDraftChange={(draft) =>
                  change(
                    (current) => ({
                      ...current,
                      defaultValues: { ...current.defaultValues, [definition.slug]: draft },
                    }),
                    [path],
                  )
                }
              />
            );
          })}
        </div>
        {workflows.data?.length === 0 ? (
          <p className="field-hint">
            There are no {kindName} workflows yet: create them under <Link to={workflowsPath}>Workflows</Link>
            .
          </p>
        ) : null}
      </fieldset>
    </StructureFormShell>
  );
}

interface BadgeColourFieldProps {
  title: string;
  value: string;
  error: string | undefined;
  onValueChange: (value: string) => void;
}

/** A colour picker and its hex code, kept in step, with the badge as it will look. */
function BadgeColourField({ title, value, error, onValueChange }: BadgeColourFieldProps) {
  const isValid = isHexColour(value.trim());
  return (
    <FieldFrame id="badgeColor" label="Badge colour" required={false} error={error} hint={badgeHint}>
      <div className="colour-field">
        <input
          type="color"
          className="colour-picker"
          aria-label="Pick the badge colour"
          value={isValid ? value.trim().toLowerCase() : defaultBadgeColour}
          onChange={(event) => onValueChange(event.target.value)}
        />
        <input
          {...controlAttributes({ id: 'badgeColor', error, hint: badgeHint, required: false })}
          className="colour-code"
          autoComplete="off"
          spellCheck={false}
          maxLength={7}
          placeholder={defaultBadgeColour}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
        />
        <span className="colour-preview" aria-hidden="true">
          <ProfileTypeBadge
            type={{ title: title.trim() || 'Badge', badgeColor: isValid ? value.trim() : null }}
          />
        </span>
      </div>
    </FieldFrame>
  );
}
