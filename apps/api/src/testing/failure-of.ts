import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { fieldIssuesOf } from '../field-issues.ts';

/** The tRPC code, domain code and field paths a call failed with; throws if it did not fail so. */
export async function failureOf(call: Promise<unknown>) {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  const { cause } = error;
  if (cause instanceof ZodError) {
    return {
      code: error.code,
      domainCode: undefined,
      paths: fieldIssuesOf(cause).map((issue) => issue.path),
    };
  }
  const domain = cause as { code?: string; path?: string } | undefined;
  return { code: error.code, domainCode: domain?.code, paths: [domain?.path] };
}
