import type { ZodError } from 'zod';

export interface FieldIssue {
  /** dot-separated path of the input field at fault */
  path: string;
  message: string;
}

/**
 * The fields at fault in a refused input, one issue each. zod reports the keys an object does not
 * know as one issue at the object; each is told here at its own path, so a client sees which key.
 */
export function fieldIssuesOf(error: ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const at = issue.path.map(String);
    if (issue.code !== 'unrecognized_keys') return [{ path: at.join('.'), message: issue.message }];
    return issue.keys.map((key) => ({
      path: [...at, key].join('.'),
      message: `${key} is not a field this accepts`,
    }));
  });
}
