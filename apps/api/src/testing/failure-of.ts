import { TRPCError } from '@trpc/server';

/** The tRPC code, domain code and field paths a call failed with; throws if it did not fail so. */
export async function failureOf(call: Promise<unknown>) {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  const cause = error.cause as
    { code?: string; path?: string; issues?: { path: PropertyKey[] }[] } | undefined;
  return {
    code: error.code,
    domainCode: cause?.code,
    paths: cause?.issues ? cause.issues.map((issue) => issue.path.join('.')) : [cause?.path],
  };
}
