import { listCurrencies } from '@tessera/domain';
import { CheckboxField, CheckboxGroup } from '../../ui/checkbox-field.tsx';
import { controlAttributes, describedByOf, FieldFrame, FieldMessages } from '../../ui/field-frame.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import type { AttributeDefinition, AttributeDraft, MoneyDraft } from './attribute-value.drafts.ts';

const currencyOptions = listCurrencies().map((currency) => ({
  value: currency.code,
  label: `${currency.code} · ${currency.name}`,
}));

const timeZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;

const inputTypes = {
  text: 'text',
  email: 'email',
  phone: 'tel',
  url: 'url',
  date: 'date',
  date_time: 'datetime-local',
  number: 'number',
  integer: 'number',
} as const;

/** What to type, by data type, said under the control beside the attribute's own description. */
function typeHint(definition: AttributeDefinition): string | undefined {
  const { min, max } = definition;
  const range =
    min !== null && max !== null
      ? `From ${min} to ${max}.`
      : min !== null
        ? `${min} or more.`
        : max !== null
          ? `${max} or less.`
          : undefined;
  switch (definition.dataType) {
    case 'phone':
      return 'With its country code, like +61 412 345 678.';
    case 'date_time':
      return `In your time zone (${timeZone}).`;
    case 'json':
      return 'Any JSON value, like {"size": 42} or ["a", "b"].';
    case 'url':
      return 'An http or https address.';
    case 'number':
    case 'integer':
    case 'money':
      return range;
    default:
      return undefined;
  }
}

function hintOf(definition: AttributeDefinition): string | undefined {
  return [definition.description, typeHint(definition)].filter(Boolean).join(' ') || undefined;
}

interface AttributeValueFieldProps {
  /** The control's id, also the path its errors are reported at */
  id: string;
  definition: AttributeDefinition;
  draft: AttributeDraft;
  onDraftChange: (draft: AttributeDraft) => void;
  error: string | undefined;
  /** Whether a value must be given: a required attribute on a record; no default value is */
  isRequired: boolean;
}

/** The control that fits an attribute's data type, labelled with the attribute, its error and hint read out with it. */
export function AttributeValueField(props: AttributeValueFieldProps) {
  const { id, definition, draft, onDraftChange, error, isRequired } = props;
  const hint = hintOf(definition);
  const { dataType, label } = definition;
  if (typeof draft === 'boolean' || draft === null) {
    return (
      <CheckboxField
        id={id}
        label={label}
        isChecked={draft === true}
        onCheckedChange={onDraftChange}
        error={error}
        hint={hint}
      />
    );
  }
  if (Array.isArray(draft)) {
    return (
      <CheckboxGroup
        id={id}
        label={label}
        options={definition.options}
        values={draft}
        onValuesChange={onDraftChange}
        isRequired={isRequired}
        error={error}
        hint={hint}
      />
    );
  }
  if (typeof draft === 'object') {
    return <MoneyField {...props} money={draft} hint={hint} />;
  }
  const common = { id, label, required: isRequired, error, hint, value: draft, onValueChange: onDraftChange };
  switch (dataType) {
    case 'long_text':
    case 'json':
      return (
        <FieldFrame id={id} label={label} required={isRequired} error={error} hint={hint}>
          <textarea
            {...controlAttributes({ id, error, hint, required: isRequired })}
            className={dataType === 'long_text' ? 'textarea-prose' : undefined}
            rows={dataType === 'json' ? 5 : 4}
            spellCheck={dataType === 'long_text'}
            value={draft}
            onChange={(event) => onDraftChange(event.target.value)}
          />
        </FieldFrame>
      );
    case 'single_select':
      return (
        <SelectField
          {...common}
          options={definition.options}
          noneLabel={isRequired ? 'Choose one' : 'Not set'}
        />
      );
    case 'number':
    case 'integer':
      return (
        <TextField
          {...common}
          type="number"
          step={dataType === 'integer' ? 1 : 'any'}
          min={definition.min ?? undefined}
          max={definition.max ?? undefined}
          inputMode={dataType === 'integer' ? 'numeric' : 'decimal'}
        />
      );
    default:
      return (
        <TextField
          {...common}
          type={inputTypes[dataType as keyof typeof inputTypes]}
          autoComplete="off"
          spellCheck={dataType === 'text'}
        />
      );
  }
}

/** Money: an amount and its currency, side by side under the attribute's legend. */
function MoneyField({
  id,
  definition,
  money,
  onDraftChange,
  error,
  hint,
  isRequired,
}: AttributeValueFieldProps & { money: MoneyDraft; hint: string | undefined }) {
  const describedBy = describedByOf(id, error, hint);
  const control = { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy } as const;
  const currencyId = `${id}-currency`;
  return (
    <fieldset className="field field-group">
      <legend>
        {definition.label}
        {isRequired ? null : <span className="field-optional"> (optional)</span>}
      </legend>
      <div className="money-inputs">
        <div className="field">
          <label htmlFor={id}>Amount</label>
          <input
            {...control}
            id={id}
            name={id}
            inputMode="decimal"
            autoComplete="off"
            value={money.amount}
            onChange={(event) => onDraftChange({ ...money, amount: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={currencyId}>Currency</label>
          <select
            {...control}
            id={currencyId}
            name={currencyId}
            value={money.currency}
            onChange={(event) => onDraftChange({ ...money, currency: event.target.value })}
          >
            <option value="">Choose</option>
            {currencyOptions.map((currency) => (
              <option key={currency.value} value={currency.value}>
                {currency.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <FieldMessages id={id} error={error} hint={hint} />
    </fieldset>
  );
}
