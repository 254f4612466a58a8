import type { MemberId } from '../shared/ids.ts';

/** Who changed what, when and from where, with the state before and after. */
export interface AuditEntry {
  id: string;
  actorMemberId: MemberId | null;
  actorTokenId: string | null;
  actorSessionId: string | null;
  /** `<entity>.<verb>`, as `profile.update` */
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
  createdAt: Date;
}
