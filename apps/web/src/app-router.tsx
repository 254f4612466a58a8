import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, Navigate } from 'react-router';
import { signInPath } from './features/auth/paths.ts';
import { RequireSession } from './features/auth/session.tsx';
import { SignInPage } from './features/auth/sign-in-page.tsx';
import { MemberPage } from './features/members/member-page.tsx';
import { MembersPage } from './features/members/members-page.tsx';
import { OrganizationDetailPage } from './features/organizations/organization-detail-page.tsx';
import { OrganizationsListPage } from './features/organizations/organizations-list-page.tsx';
import {
  EditAttributeDefinitionPage,
  NewAttributeDefinitionPage,
} from './features/profile-types/attribute-definition-pages.tsx';
import { AttributesPage } from './features/profile-types/attributes-page.tsx';
import { CustomerDataLayout } from './features/profile-types/customer-data-layout.tsx';
import { EditProfileTypePage, NewProfileTypePage } from './features/profile-types/profile-type-pages.tsx';
import { ProfileTypesPage } from './features/profile-types/profile-types-page.tsx';
import { EditWorkflowPage, NewWorkflowPage } from './features/profile-types/workflow-pages.tsx';
import { WorkflowsPage } from './features/profile-types/workflows-page.tsx';
import { EditProfilePage } from './features/profiles/edit-profile-page.tsx';
import { NewProfilePage } from './features/profiles/new-profile-page.tsx';
import { ProfileDetailPage } from './features/profiles/profile-detail-page.tsx';
import { ProfilesListPage, profilesListOptions } from './features/profiles/profiles-list-page.tsx';
import { parseProfilesListParams } from './features/profiles/profiles-list-params.ts';
import { SeedFilePage } from './features/seeds/seed-file-page.tsx';
import { SettingsPage } from './features/settings/settings-page.tsx';
import { TokensPage } from './features/tokens/tokens-page.tsx';
import { AppLayout } from './layout/app-layout.tsx';
import { NotFoundPage } from './layout/not-found-page.tsx';
import type { Trpc } from './lib/trpc.ts';
import { PageFocusScope } from './ui/page-heading.tsx';

export function createAppRouter({ queryClient, trpc }: { queryClient: QueryClient; trpc: Trpc }) {
  return createBrowserRouter([
    {
      element: <PageFocusScope />,
      children: [
        { path: signInPath, element: <SignInPage /> },
        {
          path: '/',
          element: (
            <RequireSession>
              <AppLayout />
            </RequireSession>
          ),
          children: [
            { index: true, element: <Navigate to="/profiles" replace /> },
            {
              path: 'profiles',
              element: <ProfilesListPage />,
              // Started before the page renders, so the list loads while the session is still being checked.
              loader: ({ request }) => {
                const params = parseProfilesListParams(new URL(request.url).searchParams);
                void queryClient.prefetchInfiniteQuery(profilesListOptions(trpc, params));
                return null;
              },
            },
            { path: 'profiles/new', element: <NewProfilePage /> },
            { path: 'profiles/:id', element: <ProfileDetailPage /> },
            { path: 'profiles/:id/edit', element: <EditProfilePage /> },
            { path: 'organizations', element: <OrganizationsListPage /> },
            { path: 'organizations/:id', element: <OrganizationDetailPage /> },
            {
              path: 'usage',
              // The charting library loads with this page only.
              lazy: () =>
                import('./features/usage-monitor/usage-monitor-page.tsx').then((page) => ({
                  Component: page.UsageMonitorPage,
                })),
            },
            { path: 'members', element: <MembersPage /> },
            { path: 'members/:id', element: <MemberPage /> },
            { path: 'tokens', element: <TokensPage /> },
            { path: 'settings', element: <SettingsPage /> },
            {
              path: 'customer-data',
              element: <CustomerDataLayout />,
              children: [
                { index: true, element: <Navigate to="profile-types" replace /> },
                { path: 'profile-types', element: <ProfileTypesPage /> },
                { path: 'profile-types/new', element: <NewProfileTypePage /> },
                { path: 'profile-types/:id/edit', element: <EditProfileTypePage /> },
                { path: 'attributes', element: <AttributesPage /> },
                { path: 'attributes/new', element: <NewAttributeDefinitionPage /> },
                { path: 'attributes/:id/edit', element: <EditAttributeDefinitionPage /> },
                { path: 'workflows', element: <WorkflowsPage /> },
                { path: 'workflows/new', element: <NewWorkflowPage /> },
                { path: 'workflows/:id/edit', element: <EditWorkflowPage /> },
                { path: 'seed-file', element: <SeedFilePage /> },
              ],
            },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}

export type AppRouter = ReturnType<typeof createAppRouter>;
