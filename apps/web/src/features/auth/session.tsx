import { useQuery } from '@tanstack/react-query';
import { can, type Action } from '@tessera/domain';
import { createContext, use, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { isUnauthenticated } from '../../lib/api-errors.ts';
import { useTRPC, type RouterOutputs } from '../../lib/trpc.ts';
import { LoadError, Loading } from '../../ui/states.tsx';
import { signInPath, type SignInState } from './paths.ts';

export type Session = RouterOutputs['auth']['me'];

const SessionContext = createContext<Session | null>(null);

/** The signed-in member and workspace; only below `RequireSession`. */
export function useSession(): Session {
  const session = use(SessionContext);
  if (!session) throw new Error('useSession is used outside RequireSession');
  return session;
}

/** Whether the signed-in member's role may take `action`. */
export function useCan(action: Action): boolean {
  return can(useSession().member.role, action);
}

/**
 * Whether the member sees only some organizations: it then creates people only as contacts of
 * those organizations, and no organization of its own.
 */
export function useIsOrganizationScoped(): boolean {
  return useSession().organizationIds !== null;
}

/** Renders its children for a signed-in member; sends anyone else to sign in. */
export function RequireSession({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const location = useLocation();
  const me = useQuery(trpc.auth.me.queryOptions());

  if (me.isPending) {
    return (
      <main className="page page-centered">
        <Loading label="Loading your workspace…" />
      </main>
    );
  }
  if (me.isError) {
    if (isUnauthenticated(me.error)) {
      const state: SignInState = { from: `${location.pathname}${location.search}` };
      return <Navigate to={signInPath} replace state={state} />;
    }
    return (
      <main className="page page-centered">
        <LoadError
          title="Could not load your workspace"
          error={me.error}
          onRetry={() => void me.refetch()}
          isRetrying={me.isFetching}
        />
      </main>
    );
  }
  return <SessionContext value={me.data}>{children}</SessionContext>;
}
