import { describedByOf, FieldMessages } from './field-frame.tsx';
import type { SelectOption } from './select-field.tsx';

interface CheckboxFieldProps {
  id: string;
  label: string;
  isChecked: boolean;
  onCheckedChange: (isChecked: boolean) => void;
  error?: string | undefined;
  hint?: string | undefined;
}

/** One labelled checkbox whose error and hint are read out with it. */
export function CheckboxField({ id, label, isChecked, onCheckedChange, error, hint }: CheckboxFieldProps) {
  const describedBy = describedByOf(id, error, hint);
  return (
    <div className="field field-check">
      <label htmlFor={id} className="check">
        <input
          id={id}
          name={id}
          type="checkbox"
          checked={isChecked}
          onChange={(event) => onCheckedChange(event.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        {label}
      </label>
      <FieldMessages id={id} error={error} hint={hint} />
    </div>
  );
}

interface CheckboxGroupProps {
  id: string;
  label: string;
  options: readonly SelectOption[];
  values: readonly string[];
  onValuesChange: (values: string[]) => void;
  error?: string | undefined;
  /** Shown when there is nothing to choose from */
  emptyText: string;
}

/** A set of checkboxes under one legend; the error is read out with each of them. */
export function CheckboxGroup({
  id,
  label,
  options,
  values,
  onValuesChange,
  error,
  emptyText,
}: CheckboxGroupProps) {
  const errorId = `${id}-error`;
  return (
    <fieldset className="field field-group" id={id}>
      <legend>
        {label}
        <span className="field-optional"> (optional)</span>
      </legend>
      {options.length === 0 ? <p className="field-hint">{emptyText}</p> : null}
      {options.map((option, index) => (
        <label key={option.value} className="check">
          <input
            id={index === 0 ? `${id}-first` : undefined}
            type="checkbox"
            name={id}
            value={option.value}
            checked={values.includes(option.value)}
            onChange={(event) =>
              onValuesChange(
                event.target.checked
                  ? [...values, option.value]
                  : values.filter((value) => value !== option.value),
              )
            }
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
          />
          {option.label}
        </label>
      ))}
      <FieldMessages id={id} error={error} />
    </fieldset>
  );
}
