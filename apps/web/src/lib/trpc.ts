import type { AppRouter } from '@tessera/api';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { createTRPCContext, type TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import superjson from 'superjson';
import { isClientError, isUnauthenticated } from './api-errors.ts';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

/** Query and mutation options for every procedure, from `useTRPC()` or, outside React, `createTRPCOptionsProxy`. */
export type Trpc = TRPCOptionsProxy<AppRouter>;

export function createApiClient() {
  return createTRPCClient<AppRouter>({
    links: [
      // Subscriptions arrive as server-sent events; the session cookie goes with them, same origin.
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url: '/trpc', transformer: superjson }),
        false: httpBatchLink({ url: '/trpc', transformer: superjson }),
      }),
    ],
  });
}

export interface QueryClientHooks {
  /** Called when a request is refused because nobody is signed in any more. */
  onSessionLost: () => void;
}

export function createQueryClient(hooks: QueryClientHooks): QueryClient {
  const onError = (error: unknown) => {
    if (isUnauthenticated(error)) hooks.onSessionLost();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // A refusal (bad input, not found, no access) will not change on a retry; a network blip may.
        retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
      },
    },
  });
}
