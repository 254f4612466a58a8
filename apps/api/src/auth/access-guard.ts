import { memberScope, type Scope } from '@tessera/db';
import { DomainError, requirePermission, type Action } from '@tessera/domain';
import { TRPCError } from '@trpc/server';
import type { MemberContext } from '../context.ts';
import { trpcCodeOf } from '../errors.ts';
import { findActorAgain } from './auth.service.ts';

/**
 * How often an open stream reads its credential and scope again. The token cache and the events
 * that evict it are per process, so a revocation, a removal or a scope change made through another
 * server is seen only in the database.
 */
export const accessRecheckMs = 2_000;

/** What keeps a stream to what its member may see. */
export interface AccessGuard<T> {
  /** The action the stream's procedure needs. */
  action: Action;
  /** Refuses, as a new request would be refused, unless what the stream watches is still the member's to see. */
  recheck(fresh: MemberContext): Promise<void>;
  /** Whether the member may see the item in its scope as last read. */
  isVisible(item: T, scope: Scope): boolean;
}

/** The error a client reads when a stream closes: a domain error with its own code, as from a procedure. */
function closingError(cause: unknown): unknown {
  if (!(cause instanceof DomainError)) return cause;
  return new TRPCError({ code: trpcCodeOf[cause.code], message: cause.message, cause });
}

async function freshContext(ctx: MemberContext): Promise<MemberContext> {
  const actor = await findActorAgain(ctx, ctx.actor);
  if (!actor) {
    throw new DomainError('UNAUTHENTICATED', 'The API token or session of this stream is no longer valid');
  }
  return { ...ctx, actor, scope: memberScope(actor.member.workspaceId, actor.organizationIds ?? null) };
}

/**
 * A stream that ends once its access ends: its API token revoked, its session ended, its member
 * removed or its role or organization scope no longer covering what it watches. It checks again
 * every `accessRecheckMs`, and before delivering what arrived since its last check, so that it
 * delivers nothing stored after access ended; it then closes with the refusal a new request would
 * get. `open` makes the stream, which ends when its signal aborts.
 */
export async function whileAccessHolds<T>(
  ctx: MemberContext,
  signal: AbortSignal | undefined,
  guard: AccessGuard<T>,
  open: (signal: AbortSignal) => Promise<AsyncIterable<T>>,
): Promise<AsyncIterable<T>> {
  const inner = new AbortController();
  const abort = () => inner.abort();
  signal?.addEventListener('abort', abort, { once: true });
  if (signal?.aborted) abort();
  const source = await open(inner.signal);

  const queue: { item: T; arrival: number }[] = [];
  let arrived = 0;
  /** Every item up to this arrival was followed by a check that passed. */
  let checkedThrough = 0;
  let scope = ctx.scope;
  let failure: { error: unknown } | undefined;
  let isSourceDone = false;
  let isChecking = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };

  async function check(): Promise<void> {
    if (isChecking || failure) return;
    isChecking = true;
    const covers = arrived;
    try {
      const fresh = await freshContext(ctx);
      requirePermission(fresh.actor.member.role, guard.action);
      await guard.recheck(fresh);
      scope = fresh.scope;
      checkedThrough = Math.max(checkedThrough, covers);
    } catch (error) {
      failure ??= { error };
      abort();
    } finally {
      isChecking = false;
      notify();
    }
  }

  const timer = setInterval(() => void check(), accessRecheckMs);
  timer.unref();
  inner.signal.addEventListener('abort', () => clearInterval(timer), { once: true });

  void (async () => {
    try {
      for await (const item of source) {
        queue.push({ item, arrival: ++arrived });
        notify();
      }
    } catch (error) {
      if (!inner.signal.aborted) failure ??= { error };
    } finally {
      isSourceDone = true;
      notify();
    }
  })();

  return (async function* () {
    try {
      for (;;) {
        if (failure) throw closingError(failure.error);
        const head = queue[0];
        if (head && head.arrival <= checkedThrough) {
          queue.shift();
          if (guard.isVisible(head.item, scope)) yield head.item;
          continue;
        }
        if (!head && isSourceDone) return;
        if (head && !isChecking) void check();
        await new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      abort();
      signal?.removeEventListener('abort', abort);
    }
  })();
}
