import type { Ref } from 'react';

interface ListSearchFieldProps {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onValueChange: (value: string) => void;
  onClear: () => void;
  inputRef: Ref<HTMLInputElement>;
}

/** A list's search box, with a Clear button once something is typed. */
export function ListSearchField({
  id,
  label,
  placeholder,
  value,
  onValueChange,
  onClear,
  inputRef,
}: ListSearchFieldProps) {
  return (
    <div className="field list-search">
      <label htmlFor={id}>{label}</label>
      <div className="input-with-action">
        <input
          ref={inputRef}
          id={id}
          type="search"
          value={value}
          maxLength={100}
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          onChange={(event) => onValueChange(event.target.value)}
        />
        {value ? (
          <button type="button" className="button" onClick={onClear}>
            Clear<span className="visually-hidden"> search</span>
          </button>
        ) : null}
      </div>
    </div>
  );
}
