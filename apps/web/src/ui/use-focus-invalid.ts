import { useEffect, type RefObject } from 'react';

/** After each refused submit (`attempt` changes), moves the focus to the form's first invalid field. */
export function useFocusInvalid(formRef: RefObject<HTMLFormElement | null>, attempt: number): void {
  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [formRef, attempt]);
}
