import type { WorkspaceId } from '../shared/ids.ts';

export interface Workspace {
  id: WorkspaceId;
  slug: string;
  name: string;
  createdAt: Date;
}
