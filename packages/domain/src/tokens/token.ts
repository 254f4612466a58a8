import type { MemberId } from '../shared/ids.ts';

/** An API token as it is listed: never its secret, which is shown once when it is issued. */
export interface ApiToken {
  id: string;
  name: string;
  memberId: MemberId;
  memberEmail: string;
  lastFour: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  /** Refused every write, whatever its member's role. */
  readOnly: boolean;
}
