import { useQuery } from '@tanstack/react-query';
import { pageSizeMax } from '@tessera/domain';
import { messageOf } from '../../lib/api-errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { CampaignSummarySection } from './campaign-summary-section.tsx';
import { UsageStreamSection } from './usage-stream-section.tsx';

/** What happened with the profile: its campaigns, and the usage of each organization it belongs to. */
export function ActivitySections({ profileId }: { profileId: string }) {
  const trpc = useTRPC();
  // The organizations it belongs to, by name: the first hundred, one page.
  const memberships = useQuery(trpc.memberships.list.queryOptions({ profileId, limit: pageSizeMax }));
  const usageNote = memberships.isError ? (
    <p className="field-error">{messageOf(memberships.error)}</p>
  ) : memberships.data?.items.length === 0 ? (
    <p className="muted">Usage is shown per organization, and this profile belongs to none.</p>
  ) : null;

  return (
    <div className="detail-grid activity-grid">
      <CampaignSummarySection profileId={profileId} />
      {memberships.data?.items.map(({ organization }) => (
        <UsageStreamSection key={organization.id} organization={organization} profileId={profileId} />
      ))}
      {usageNote ? (
        <section className="card" aria-labelledby="profile-usage">
          <h2 id="profile-usage" className="card-title">
            Usage
          </h2>
          {usageNote}
        </section>
      ) : null}
    </div>
  );
}
