import type { AppRouter, FieldIssue } from '@tessera/api';
import type { DomainErrorCode } from '@tessera/domain';
import { TRPCClientError } from '@trpc/client';

export type ApiError = TRPCClientError<AppRouter>;

export function asApiError(error: unknown): ApiError | null {
  return error instanceof TRPCClientError ? (error as ApiError) : null;
}

export function domainCodeOf(error: unknown): DomainErrorCode | null {
  return asApiError(error)?.data?.domainCode ?? null;
}

export function hasDomainCode(error: unknown, code: DomainErrorCode): boolean {
  return domainCodeOf(error) === code;
}

/** Whether the server refused the request as it stands (4xx): sending it again will not help. */
export function isClientError(error: unknown): boolean {
  const status = asApiError(error)?.data?.httpStatus;
  return status !== undefined && status >= 400 && status < 500;
}

/** Whether a request was refused because nobody is signed in (as opposed to wrong credentials). */
export function isUnauthenticated(error: unknown): boolean {
  return hasDomainCode(error, 'UNAUTHENTICATED');
}

export function issuesOf(error: unknown): FieldIssue[] {
  return asApiError(error)?.data?.issues ?? [];
}

/** A sentence a person can act on, for any error a request may end with. */
export function messageOf(error: unknown): string {
  const apiError = asApiError(error);
  if (apiError?.data) return apiError.message;
  return 'Could not reach the Tessera server. Check your connection and try again.';
}
