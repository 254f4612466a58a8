import { memberScope } from '@tessera/db';
import { DomainError, requirePermission, type Action, type DomainErrorCode } from '@tessera/domain';
import { initTRPC, TRPCError } from '@trpc/server';
import type { ProcedureType } from '@trpc/server/unstable-core-do-not-import';
import { refuseReadOnlyWrite } from './auth/auth.service.ts';
import { ZodError } from 'zod';
import type { MemberContext, RequestContext } from './context.ts';
import { trpcCodeOf } from './errors.ts';
import { fieldIssuesOf, type FieldIssue } from './field-issues.ts';
import { transformer } from './transformer.ts';

/** What the `data` of every error carries beyond tRPC's own fields. */
export interface ErrorData {
  domainCode: DomainErrorCode | null;
  /** ids and counts that help act on a domain error, such as the current version on a conflict */
  details: Record<string, string | number>;
  issues: FieldIssue[];
  requestId: string | null;
}

const genericMessage = 'Something went wrong on our side';

const t = initTRPC.context<RequestContext>().create({
  transformer,
  errorFormatter({ shape, error, ctx }) {
    const cause = error.cause;
    const requestId = ctx?.requestId ?? null;
    let message = shape.message;
    let issues: FieldIssue[] = [];
    let domainCode: DomainErrorCode | null = null;
    let details: Record<string, string | number> = {};
    if (cause instanceof ZodError && error.code === 'BAD_REQUEST') {
      issues = fieldIssuesOf(cause);
      message = issues
        .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
        .join('; ');
    } else if (cause instanceof DomainError) {
      domainCode = cause.code;
      details = cause.details;
      if (cause.path) issues = [{ path: cause.path, message: cause.message }];
    } else if (error.code === 'INTERNAL_SERVER_ERROR') {
      message = requestId ? `${genericMessage} (request ${requestId})` : genericMessage;
    }
    const { stack: _stack, ...tRPCData } = shape.data;
    const data: Omit<typeof shape.data, 'stack'> & ErrorData = {
      ...tRPCData,
      domainCode,
      details,
      issues,
      requestId,
    };
    return { ...shape, message, data };
  },
});

/** Turns a domain error thrown by a procedure into the tRPC error its code maps to. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: trpcCodeOf[cause.code], message: cause.message, cause });
  }
  return result;
});

export const router = t.router;
export const mergeRouters = t.mergeRouters;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(domainErrors);

async function signedIn(
  ctx: RequestContext,
  type: ProcedureType,
): Promise<Pick<MemberContext, 'actor' | 'scope'>> {
  const actor = await ctx.findActor();
  if (!actor) {
    throw new DomainError('UNAUTHENTICATED', 'Sign in, or send an API token as `Authorization: Bearer …`');
  }
  if (type === 'mutation') refuseReadOnlyWrite(actor);
  return { actor, scope: memberScope(actor.member.workspaceId, actor.organizationIds ?? null) };
}

export const memberProcedure = publicProcedure.use(async ({ ctx, type, next }) =>
  next({ ctx: await signedIn(ctx, type) }),
);

/** A procedure for members whose role may take `action`. */
export function permittedProcedure(action: Action) {
  return publicProcedure.use(async ({ ctx, type, next }) => {
    const signedInCtx = await signedIn(ctx, type);
    requirePermission(signedInCtx.actor.member.role, action);
    return next({ ctx: signedInCtx });
  });
}
