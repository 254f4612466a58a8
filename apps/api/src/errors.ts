import type { DomainErrorCode } from '@tessera/domain';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';

/** How each domain error reaches a client. A new code without a line here does not compile. */
export const trpcCodeOf = {
  INVALID_CURSOR: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  INVALID_CREDENTIALS: 'UNAUTHORIZED',
  SIGN_IN_THROTTLED: 'TOO_MANY_REQUESTS',
  WORKSPACE_REQUIRED: 'BAD_REQUEST',
  FORBIDDEN: 'FORBIDDEN',
  WORKSPACE_SLUG_TAKEN: 'CONFLICT',
  MEMBER_EMAIL_TAKEN: 'CONFLICT',
  PROFILE_NOT_FOUND: 'NOT_FOUND',
  PROFILE_EMAIL_TAKEN: 'CONFLICT',
  PROFILE_VERSION_CONFLICT: 'CONFLICT',
  TOKEN_NOT_FOUND: 'NOT_FOUND',
} as const satisfies Record<DomainErrorCode, TRPC_ERROR_CODE_KEY>;
