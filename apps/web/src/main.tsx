import { QueryClientProvider } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { createAppRouter } from './app-router.tsx';
import { signInPath, type SignInState } from './features/auth/paths.ts';
import { createApiClient, createQueryClient, TRPCProvider } from './lib/trpc.ts';
import './styles.css';

const apiClient = createApiClient();
const queryClient = createQueryClient({
  // The session expired or was ended elsewhere: drop what was loaded for it and ask to sign in again.
  onSessionLost() {
    const { pathname, search } = router.state.location;
    if (pathname === signInPath) return;
    queryClient.clear();
    const state: SignInState = { from: `${pathname}${search}` };
    void router.navigate(signInPath, { replace: true, state });
  },
});
const router = createAppRouter({
  queryClient,
  trpc: createTRPCOptionsProxy({ client: apiClient, queryClient }),
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={apiClient} queryClient={queryClient}>
        <RouterProvider router={router} />
      </TRPCProvider>
    </QueryClientProvider>
  </StrictMode>,
);
