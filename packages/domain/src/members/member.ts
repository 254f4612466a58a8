import type { MemberId, WorkspaceId } from '../shared/ids.ts';
import type { Role } from './role.ts';

/** A person who signs in to the console or owns API tokens, in one workspace. */
export interface Member {
  workspaceId: WorkspaceId;
  id: MemberId;
  email: string;
  name: string;
  role: Role;
}

/** A member together with the workspace it belongs to: who a request acts as. */
export interface MemberInWorkspace extends Member {
  workspaceSlug: string;
  workspaceName: string;
}

/** A member as the workspace's member list shows it: how it signs in, never its secrets. */
export interface MemberListing extends Member {
  /** Whether it signs in to the console with a password; without one it acts through API tokens only. */
  hasPassword: boolean;
  /** How many of its API tokens are not revoked. */
  liveTokenCount: number;
  createdAt: Date;
}
