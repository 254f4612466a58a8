import type { Clock, MemberInWorkspace, NewId } from '@tessera/domain';
import type { Database, Scope } from '@tessera/db';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { PasswordHasher } from './auth/secrets.ts';
import type { SignInThrottle } from './auth/sign-in-throttle.ts';
import type { TokenCache } from './auth/token-cache.ts';

/** What every request shares: the database, the clock, ids and the log. */
export interface AppDeps {
  db: Kysely<Database>;
  clock: Clock;
  newId: NewId;
  /** Ids that sort by the time they were made (ULIDs), for source records and identities. */
  newSortableId: NewId;
  log: Logger;
  /** Whether session cookies carry `Secure` (set when served over https). */
  isCookieSecure: boolean;
  tokenCache: TokenCache;
  signInThrottle: SignInThrottle;
  passwords: PasswordHasher;
}

/** Who a request acts as: a member, signed in through a console session or an API token. */
export interface Actor {
  member: MemberInWorkspace;
  sessionId: string | null;
  tokenId: string | null;
  /** Whether it acts through a read-only API token, which is refused every write. */
  isReadOnly?: boolean;
  /**
   * The organizations the member is limited to (reference 004: admins define the accounts each
   * agent and viewer sees), as found with the member; null or absent when it sees every one.
   */
  organizationIds?: readonly string[] | null;
}

export interface RequestContext extends AppDeps {
  requestId: string;
  ip: string | null;
  /**
   * Who the request acts as, from its API token or session cookie; looked up when a procedure
   * first asks, so that a request refused before that costs no lookup.
   */
  findActor(): Promise<Actor | null>;
  setCookie(cookie: string): void;
}

export interface MemberContext extends RequestContext {
  actor: Actor;
  /** What the member may see: its workspace, limited to its organizations if it is. */
  scope: Scope;
}
