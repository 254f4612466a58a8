import { DomainError, type WorkspaceId } from '@tessera/domain';
import type { Executor } from '../client.ts';
import { violatedUniqueConstraint } from '../shared/constraints.ts';

export interface Workspace {
  id: WorkspaceId;
  slug: string;
  name: string;
  createdAt: Date;
}

export async function insertWorkspace(
  db: Executor,
  workspace: Omit<Workspace, 'createdAt'>,
): Promise<Workspace> {
  try {
    const row = await db
      .insertInto('workspaces')
      .values(workspace)
      .returning(['id', 'slug', 'name', 'created_at'])
      .executeTakeFirstOrThrow();
    return { id: row.id, slug: row.slug, name: row.name, createdAt: row.created_at };
  } catch (error) {
    if (violatedUniqueConstraint(error) === 'workspaces_slug_key') {
      throw new DomainError('WORKSPACE_SLUG_TAKEN', `The workspace ${workspace.slug} exists already`, {
        path: 'slug',
      });
    }
    throw error;
  }
}

export async function findWorkspaceBySlug(db: Executor, slug: string): Promise<Workspace | undefined> {
  const row = await db
    .selectFrom('workspaces')
    .select(['id', 'slug', 'name', 'created_at'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row && { id: row.id, slug: row.slug, name: row.name, createdAt: row.created_at };
}
