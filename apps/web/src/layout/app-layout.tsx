import { useMutation, useQueryClient } from '@tanstack/react-query';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { signInPath } from '../features/auth/paths.ts';
import { roleLabel } from '../features/auth/role-label.ts';
import { useCan, useSession } from '../features/auth/session.tsx';
import { PeopleSearch } from '../features/organizations/people-search.tsx';
import { CustomerDataMainLink } from '../features/profile-types/customer-data-layout.tsx';
import { messageOf } from '../lib/api-errors.ts';
import { useTRPC } from '../lib/trpc.ts';
import { Alert } from '../ui/alert.tsx';

/** The frame of every signed-in page: header with workspace, navigation and account, then the page. */
export function AppLayout() {
  const { member, workspace } = useSession();
  const isMemberReader = useCan('members.read');
  const isSettingsManager = useCan('settings.manage');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSuccess: () => {
        queryClient.clear();
        void navigate(signInPath, { replace: true });
      },
    }),
  );

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <div className="app-brand">
            <span className="brand">Tessera</span>
            <span className="app-workspace" title={`Workspace ${workspace.slug}`}>
              {workspace.name}
            </span>
          </div>
          <nav className="app-nav" aria-label="Main">
            <NavLink to="/profiles">Profiles</NavLink>
            <NavLink to="/organizations">Organizations</NavLink>
            <NavLink to="/usage">Usage</NavLink>
            <CustomerDataMainLink />
            {isMemberReader ? <NavLink to="/members">Members</NavLink> : null}
            <NavLink to="/tokens">API tokens</NavLink>
            {isSettingsManager ? <NavLink to="/settings">Settings</NavLink> : null}
          </nav>
          <PeopleSearch />
          <div className="app-account">
            <span className="app-email">{member.email}</span>
            <span className="badge">{roleLabel(member.role)}</span>
            <button
              type="button"
              className="button button-small"
              onClick={() => signOut.mutate()}
              disabled={signOut.isPending}
            >
              {signOut.isPending ? 'Signing out…' : 'Sign out'}
            </button>
          </div>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {signOut.isError ? (
          <Alert tone="error" title="Could not sign out">
            {messageOf(signOut.error)}
          </Alert>
        ) : null}
        <Outlet />
      </main>
    </>
  );
}
