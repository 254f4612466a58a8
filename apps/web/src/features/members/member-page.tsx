import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTRPC } from '../../lib/trpc.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Alert } from '../../ui/alert.tsx';
import { DateTime } from '../../ui/date-time.tsx';
import { Detail } from '../../ui/details.tsx';
import { PageHeading } from '../../ui/page-heading.tsx';
import { EmptyState, LoadError, Loading } from '../../ui/states.tsx';
import { roleLabel } from '../auth/role-label.ts';
import { useCan } from '../auth/session.tsx';
import { RecordProfileTypesSection } from '../profile-types/record-profile-types-section.tsx';
import { accessOf } from './members.values.ts';

/** A member of the workspace with the profile types it adopted (reference 000: users adopt them too). */
export function MemberPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const isReader = useCan('members.read');
  const isManager = useCan('members.manage');
  const members = useQuery({ ...trpc.members.list.queryOptions(), enabled: isReader });
  const member = members.data?.find((each) => each.id === id);
  useDocumentTitle(member?.name ?? 'Member');

  const breadcrumbs = (
    <nav aria-label="Breadcrumb" className="breadcrumbs">
      <Link to="/members">Members</Link>
    </nav>
  );
  if (!isReader) {
    return (
      <>
        {breadcrumbs}
        <PageHeading>Member</PageHeading>
        <Alert tone="info">Your role may not see the members of this workspace. Ask an admin.</Alert>
      </>
    );
  }
  if (members.isPending) return <Loading label="Loading the member…" />;
  if (members.isError) {
    return (
      <LoadError
        title="Could not load the member"
        error={members.error}
        onRetry={() => void members.refetch()}
        isRetrying={members.isFetching}
      />
    );
  }
  if (!member) {
    return (
      <>
        {breadcrumbs}
        <PageHeading>Member not found</PageHeading>
        <EmptyState title="No member of this workspace has this address.">
          <p className="muted">It may have been removed, or the link may be wrong.</p>
          <Link to="/members">Back to members</Link>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      {breadcrumbs}
      <div className="page-header">
        <PageHeading>{member.name}</PageHeading>
      </div>
      <section className="card" aria-labelledby="member-details-title">
        <h2 id="member-details-title" className="card-title">
          Details
        </h2>
        <dl className="details">
          <Detail term="Email">{member.email}</Detail>
          <Detail term="Role">{roleLabel(member.role)}</Detail>
          <Detail term="Signs in with">{accessOf(member)}</Detail>
          <Detail term="Added">
            <DateTime value={member.createdAt} />
          </Detail>
        </dl>
      </section>
      <RecordProfileTypesSection objectKind="users" recordId={member.id} canEdit={isManager} />
    </>
  );
}
