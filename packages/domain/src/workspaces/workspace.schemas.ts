import { requiredText, text } from '../shared/text.ts';

export const workspaceSlugSchema = text('Workspace', 'Workspace is required')
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
    'Workspace must be lower-case letters, digits and hyphens',
  );

export const workspaceNameSchema = requiredText('Workspace name', 100);

/** A slug made from a workspace name: `Acme Corp.` → `acme-corp`. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return slug === '' ? 'workspace' : slug;
}
