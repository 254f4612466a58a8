import { controlAttributes, FieldFrame } from './field-frame.tsx';
import type { InputHTMLAttributes, Ref } from 'react';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> {
  id: string;
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input whose error and hint are read out with it. */
export function TextField({
  id,
  label,
  value,
  onValueChange,
  error,
  hint,
  required,
  ...inputProps
}: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} required={required} error={error} hint={hint}>
      <input
        {...controlAttributes({ id, error, hint, required })}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        {...inputProps}
      />
    </FieldFrame>
  );
}
