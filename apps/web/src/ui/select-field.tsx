import { controlAttributes, FieldFrame } from './field-frame.tsx';
import type { SelectHTMLAttributes } from 'react';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'onChange' | 'value' | 'id'
> {
  id: string;
  label: string;
  value: string;
  options: readonly SelectOption[];
  /** The label of the empty choice; without it, there is none */
  noneLabel?: string | undefined;
  onValueChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
}

/** A labelled select whose error and hint are read out with it. */
export function SelectField({
  id,
  label,
  value,
  options,
  noneLabel,
  onValueChange,
  error,
  hint,
  required,
  ...selectProps
}: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} required={required} error={error} hint={hint}>
      <select
        {...controlAttributes({ id, error, hint, required })}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        {...selectProps}
      >
        {noneLabel === undefined ? null : <option value="">{noneLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
