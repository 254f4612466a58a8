import type { FieldIssue } from '@tessera/api';
import { seedDocumentSchema, type SeedObjectType } from '@tessera/domain';
import { schemaIssues } from '../../lib/field-errors.ts';

/** What each kind of entry defines, as the page names it. */
export const seedObjectTypeLabels: Record<SeedObjectType, string> = {
  attributes: 'Attribute',
  workflows: 'Workflow',
  profiles: 'Profile type',
};

/** The name an exported seed file is saved under. */
export function seedFileName(workspaceSlug: string): string {
  return `seed-${workspaceSlug}.json`;
}

/** A seed document as a file: indented JSON, as the command line prints it. */
export function seedFileText(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

export type ReadSeedText = { document: unknown[] } | { issues: FieldIssue[] };

/**
 * The seed document a member chose or pasted, as it is sent to the import, or why it is not one:
 * each refusal at its place in the document (`document.3.data.slug`), as the server names it.
 */
export function readSeedText(text: string): ReadSeedText {
  if (text.trim() === '') {
    return { issues: [{ path: '', message: 'Choose a seed file or paste its JSON first.' }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { issues: [{ path: '', message: `This is not JSON: ${reason}` }] };
  }
  const parsed = seedDocumentSchema.safeParse(json);
  if (!parsed.success) {
    const issues = schemaIssues(parsed.error).map((issue) => ({
      ...issue,
      path: issue.path === '' ? 'document' : `document.${issue.path}`,
    }));
    return { issues };
  }
  // What was written is sent: the server reads it with the same schema.
  return { document: json as unknown[] };
}
