import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { fieldIssuesOf } from '../field-issues.ts';

type Cause = { code?: string; path?: string; details?: unknown } | undefined;

async function trpcErrorOf(call: Promise<unknown>): Promise<TRPCError> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

function failureFrom(error: TRPCError) {
  const { cause } = error;
  if (cause instanceof ZodError) {
    return {
      code: error.code,
      domainCode: undefined,
      paths: fieldIssuesOf(cause).map((issue) => issue.path),
    };
  }
  const domain = cause as Cause;
  return { code: error.code, domainCode: domain?.code, paths: [domain?.path] };
}

/** The tRPC code, domain code and field paths a call failed with; throws if it did not fail so. */
export async function failureOf(call: Promise<unknown>) {
  return failureFrom(await trpcErrorOf(call));
}

/** As `failureOf`, with the details of the domain error it failed with. */
export async function refusalOf(call: Promise<unknown>) {
  const error = await trpcErrorOf(call);
  return { ...failureFrom(error), details: (error.cause as Cause)?.details };
}
