import type { WorkspaceId } from '@tessera/domain';

/**
 * What a query may see: one workspace. Every workspace-scoped query takes it second, after the
 * executor, so that a narrower rule (an agent who sees only some organizations) adds a field here.
 */
export interface Scope {
  workspaceId: WorkspaceId;
}
