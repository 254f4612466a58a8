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
  isRequired?: boolean;
  error?: string | undefined;
  hint?: string | undefined;
  /** Shown when there is nothing to choose from */
  emptyText?: string;
}

/**
 * A set of checkboxes under one legend, whose error and hint are read out with each of them; the
 * values chosen keep the order of the options.
 */
export function CheckboxGroup({
  id,
  label,
  options,
  values,
  onValuesChange,
  isRequired = false,
  error,
  hint,
  emptyText,
}: CheckboxGroupProps) {
  const describedBy = describedByOf(id, error, hint);
  return (
    <fieldset className="field field-group" id={id}>
      <legend>
        {label}
        {isRequired ? null : <span className="field-optional"> (optional)</span>}
      </legend>
      {options.length === 0 && emptyText ? <p className="field-hint">{emptyText}</p> : null}
      <div className="option-checks">
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
                  options
                    .map((each) => each.value)
                    .filter((value) =>
                      value === option.value ? event.target.checked : values.includes(value),
                    ),
                )
              }
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldMessages id={id} error={error} hint={hint} />
    </fieldset>
  );
}
