import type { ReactNode } from 'react';

/** The ids a control points its `aria-describedby` at, for its error and hint. */
export function describedByOf(id: string, error: string | undefined, hint: string | undefined) {
  return [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
}

interface ControlState {
  id: string;
  error: string | undefined;
  hint: string | undefined;
  required: boolean | undefined;
}

/** The attributes that tie a control in a `FieldFrame` to its label, error and hint. */
export function controlAttributes({ id, error, hint, required }: ControlState) {
  return {
    id,
    name: id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedByOf(id, error, hint),
    'aria-required': required ? true : undefined,
  } as const;
}

interface FieldFrameProps {
  id: string;
  label: string;
  required: boolean | undefined;
  error: string | undefined;
  hint: string | undefined;
  children: ReactNode;
}

/** A control's label, then the control, its error and its hint, with the ids `describedByOf` names. */
export function FieldFrame({ id, label, required, error, hint, children }: FieldFrameProps) {
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? null : <span className="field-optional"> (optional)</span>}
      </label>
      {children}
      <FieldMessages id={id} error={error} hint={hint} />
    </div>
  );
}

/** A control's error and hint, under the ids `describedByOf` names. */
export function FieldMessages({
  id,
  error,
  hint,
}: {
  id: string;
  error: string | undefined;
  hint?: string | undefined;
}) {
  return (
    <>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </>
  );
}
