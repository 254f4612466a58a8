import type { Clock, NewId } from '@tessera/domain';
import type { Database, MemberInWorkspace } from '@tessera/db';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { SignInThrottle } from './auth/sign-in-throttle.ts';
import type { TokenCache } from './auth/token-cache.ts';

/** What every request shares: the database, the clock, ids and the log. */
export interface AppDeps {
  db: Kysely<Database>;
  clock: Clock;
  newId: NewId;
  log: Logger;
  /** Whether session cookies carry `Secure` (set when served over https). */
  isCookieSecure: boolean;
  tokenCache: TokenCache;
  signInThrottle: SignInThrottle;
}

/** Who a request acts as: a member, signed in through a console session or an API token. */
export interface Actor {
  member: MemberInWorkspace;
  sessionId: string | null;
  tokenId: string | null;
}

export interface RequestContext extends AppDeps {
  requestId: string;
  ip: string | null;
  actor: Actor | null;
  /** Why finding the actor failed (the database did not answer, say); thrown by procedures that need one. */
  authenticationFailure: Error | undefined;
  setCookie(cookie: string): void;
}

export interface MemberContext extends RequestContext {
  actor: Actor;
}
