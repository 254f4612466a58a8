import { type Executor, type Scope } from '@tessera/db';
import { insertAuditEntry } from '@tessera/db/audit';
import type { AppDeps, MemberContext } from '../context.ts';

export interface AuditedChange {
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** Records who made a change, from where, with its before and after; call inside the change's transaction. */
export async function recordAudit(trx: Executor, ctx: MemberContext, change: AuditedChange): Promise<void> {
  await insertAuditEntry(trx, ctx.scope, {
    id: ctx.newId(),
    actorMemberId: ctx.actor.member.id,
    actorTokenId: ctx.actor.tokenId,
    actorSessionId: ctx.actor.sessionId,
    ...change,
    requestId: ctx.requestId,
    ip: ctx.ip,
    createdAt: ctx.clock.now(),
  });
}

/** Records a change made by an operator on the command line, where no member acts. */
export async function recordOperatorAudit(
  trx: Executor,
  deps: Pick<AppDeps, 'newId' | 'clock'>,
  scope: Scope,
  change: AuditedChange,
): Promise<void> {
  await insertAuditEntry(trx, scope, {
    id: deps.newId(),
    actorMemberId: null,
    actorTokenId: null,
    actorSessionId: null,
    ...change,
    requestId: null,
    ip: null,
    createdAt: deps.clock.now(),
  });
}
