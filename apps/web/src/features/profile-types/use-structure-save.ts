import type { FieldIssue } from '@tessera/api';
import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { schemaIssues } from '../../lib/field-errors.ts';
import { useBackToList } from './structure-page.tsx';
import { useStructureForm } from './use-structure-form.ts';

interface SchemaIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** A domain schema, as far as saving needs it. */
interface InputSchema<Input> {
  safeParse: (
    input: unknown,
  ) => { success: true; data: Input } | { success: false; error: { issues: readonly SchemaIssue[] } };
}

/** The request a form's values make, for the schema to check, and what could not be read of them. */
interface StructureRequest {
  input: unknown;
  issues?: readonly FieldIssue[];
}

interface StructureSave<Values, Input, Saved, Failure> {
  initial: Values;
  fieldNamesOf: (values: Values) => string[];
  schema: InputSchema<Input>;
  /** `trpc.<structure>.create` or `.update`'s `mutationOptions()` */
  options: UseMutationOptions<Saved, Failure, Input>;
  /** Where the member goes back to once it is saved, told what was done */
  listPath: string;
  noticeOf: (saved: Saved) => string;
}

/**
 * A form that creates or changes a profile type, attribute or workflow: the values are checked
 * by the domain's schema before they are sent, and each refusal, the server's too, is shown at
 * its field; once saved, back to the list.
 */
export function useStructureSave<Values, Input, Saved, Failure>(
  config: StructureSave<Values, Input, Saved, Failure>,
) {
  const form = useStructureForm(config.initial, config.fieldNamesOf);
  const backToList = useBackToList(config.listPath);
  const save = useMutation({
    ...config.options,
    onSuccess: (saved) => backToList(config.noticeOf(saved)),
    onError: (error) => form.refuseError(error),
  });

  function submit({ input, issues = [] }: StructureRequest) {
    const parsed = config.schema.safeParse(input);
    if (!parsed.success || issues.length > 0) {
      return form.refuseIssues([...issues, ...(parsed.success ? [] : schemaIssues(parsed.error))]);
    }
    form.clearErrors();
    save.mutate(parsed.data);
  }

  return { form, submit, isPending: save.isPending };
}
