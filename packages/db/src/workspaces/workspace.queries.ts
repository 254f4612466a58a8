import { DomainError, type Workspace } from '@tessera/domain';
import type { Executor } from '../client.ts';
import { violatedUniqueConstraint } from '../shared/constraints.ts';

const workspaceColumns = ['id', 'slug', 'name', 'created_at'] as const;

function toWorkspace(row: { id: string; slug: string; name: string; created_at: Date }): Workspace {
  return { id: row.id, slug: row.slug, name: row.name, createdAt: row.created_at };
}

export async function insertWorkspace(
  db: Executor,
  workspace: Omit<Workspace, 'createdAt'>,
): Promise<Workspace> {
  try {
    const row = await db
      .insertInto('workspaces')
      .values(workspace)
      .returning(workspaceColumns)
      .executeTakeFirstOrThrow();
    return toWorkspace(row);
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
    .select(workspaceColumns)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row && toWorkspace(row);
}

export async function hasAnyWorkspace(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('workspaces').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}
