import { attributeDataTypes, rulesOf, type AttributeRuleKey } from '@tessera/domain';
import { CheckboxField } from '../../ui/checkbox-field.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { takesRule, type AttributeDefinitionFormValues } from './attribute-definition-form.fields.ts';
import { attributesPath } from './customer-data-layout.tsx';
import { OrderedRows } from './ordered-rows.tsx';
import {
  DescriptionField,
  NameAndSlugFields,
  ObjectKindField,
  StructureFormShell,
  type StructureFormProps,
} from './structure-form.tsx';
import { dataTypeOptions, snakeSlugOf } from './structure-labels.ts';

type TextRule = Exclude<AttributeRuleKey, 'options'>;

export function AttributeDefinitionForm(props: StructureFormProps<AttributeDefinitionFormValues>) {
  const { form, isNew, onSubmit } = props;
  const { values, errors, change } = form;
  const { dataType } = values;
  const takes = (rule: AttributeRuleKey) => takesRule(dataType, rule);
  const rule = (name: TextRule) => ({
    id: name,
    autoComplete: 'off',
    value: values[name],
    error: errors.fields[name],
    onValueChange: (value: string) => change((current) => ({ ...current, [name]: value }), [name]),
  });

  return (
    <StructureFormShell {...props} onSubmit={() => onSubmit(values)} cancelTo={attributesPath}>
      <fieldset className="form-section">
        <legend>Attribute</legend>
        <div className="form-grid">
          <ObjectKindField
            isNew={isNew}
            value={values.objectKind}
            error={errors.fields.objectKind}
            hint="The records it applies to"
            onKindChange={(objectKind) => change((current) => ({ ...current, objectKind }), ['objectKind'])}
          />
          <SelectField
            id="dataType"
            label="Data type"
            required
            value={dataType}
            options={dataTypeOptions}
            onValueChange={(value) => {
              const next = attributeDataTypes.find((each) => each === value);
              if (next) change((current) => ({ ...current, dataType: next }), ['dataType']);
            }}
            error={errors.fields.dataType}
            hint={
              isNew
                ? undefined
                : 'While records hold values, a change that could make them invalid is refused.'
            }
          />
          <NameAndSlugFields
            form={form}
            nameKey="label"
            nameLabel="Label"
            slugOf={snakeSlugOf}
            isNew={isNew}
            isSlugFixed
            slugHint="Lower snake case, like pet_name: records keep their values under it, so it cannot change later."
          />
        </div>
        <CheckboxField
          id="isRequired"
          label="Required"
          isChecked={values.isRequired}
          onCheckedChange={(isRequired) => change((current) => ({ ...current, isRequired }), ['isRequired'])}
          error={errors.fields.isRequired}
          hint="Every record of a profile type that bundles it must hold a value."
        />
        <DescriptionField form={form} />
      </fieldset>

      {rulesOf[dataType].length > 0 ? (
        <fieldset className="form-section">
          <legend>Rules</legend>
          {takes('options') ? (
            <div role="group" aria-labelledby="options-title">
              <h3 id="options-title" className="form-subtitle">
                Options
              </h3>
              <OrderedRows
                list="options"
                rows={values.options}
                nameOf={(option, index) => option.label || option.value || `option ${index + 1}`}
                onRowsChange={(options, paths) => change((current) => ({ ...current, options }), paths)}
                newRow={{ value: '', label: '' }}
                addLabel="Add option"
                firstFieldId={(index) => `options.${index}.value`}
                error={errors.fields.options}
                renderFields={(option, index) => {
                  const path = (key: 'value' | 'label') => `options.${index}.${key}`;
                  const edit = (key: 'value' | 'label', text: string) =>
                    change(
                      (current) => ({
                        ...current,
                        options: current.options.map((each, at) =>
                          at === index ? { ...each, [key]: text } : each,
                        ),
                      }),
                      [path(key), 'options'],
                    );
                  return (
                    <>
                      <TextField
                        id={path('value')}
                        label="Value"
                        required
                        autoComplete="off"
                        spellCheck={false}
                        value={option.value}
                        onValueChange={(text) => edit('value', text)}
                        error={errors.fields[path('value')]}
                        hint="What records store."
                      />
                      <TextField
                        id={path('label')}
                        label="Label"
                        autoComplete="off"
                        value={option.label}
                        onValueChange={(text) => edit('label', text)}
                        error={errors.fields[path('label')]}
                        hint="What people see; the value when empty."
                      />
                    </>
                  );
                }}
              />
            </div>
          ) : null}
          {takes('min') ? (
            <div className="form-grid">
              <TextField {...rule('min')} label="Minimum" inputMode="decimal" />
              <TextField {...rule('max')} label="Maximum" inputMode="decimal" />
            </div>
          ) : null}
          {takes('minLength') ? (
            <div className="form-grid">
              <TextField
                {...rule('minLength')}
                label="Shortest length"
                inputMode="numeric"
                hint="In characters."
              />
              <TextField
                {...rule('maxLength')}
                label="Longest length"
                inputMode="numeric"
                hint="In characters."
              />
            </div>
          ) : null}
          {takes('pattern') ? (
            <div className="form-grid">
              <TextField
                {...rule('pattern')}
                label="Pattern"
                spellCheck={false}
                hint="A regular expression (RE2) the whole text must match, like [A-Z]{2}[0-9]{4}."
              />
            </div>
          ) : null}
        </fieldset>
      ) : null}
    </StructureFormShell>
  );
}
