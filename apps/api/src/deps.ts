import { randomUUID } from 'node:crypto';
import type { Clock } from '@tessera/domain';
import type { Database } from '@tessera/db';
import type { Kysely } from 'kysely';
import pino from 'pino';
import { monotonicFactory } from 'ulid';
import type { AppDeps } from './context.ts';
import { createPasswordHasher } from './auth/secrets.ts';
import { SignInThrottle } from './auth/sign-in-throttle.ts';
import { TokenCache } from './auth/token-cache.ts';

export const systemClock: Clock = { now: () => new Date() };

export function createDeps(db: Kysely<Database>, options: Partial<Omit<AppDeps, 'db'>> = {}): AppDeps {
  return {
    db,
    clock: options.clock ?? systemClock,
    newId: options.newId ?? randomUUID,
    newSortableId: options.newSortableId ?? monotonicFactory(),
    log: options.log ?? pino({ level: 'silent' }),
    isCookieSecure: options.isCookieSecure ?? false,
    tokenCache: options.tokenCache ?? new TokenCache(),
    signInThrottle: options.signInThrottle ?? new SignInThrottle(),
    passwords: options.passwords ?? createPasswordHasher(),
  };
}
