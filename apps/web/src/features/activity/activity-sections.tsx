import { Loading, LoadError } from '../../ui/states.tsx';
import { useProfileMemberships } from '../organizations/profile-memberships.ts';
import { CampaignSummarySection } from './campaign-summary-section.tsx';
import { UsageStreamSection } from './usage-stream-section.tsx';

/** What happened with the profile: its campaigns, and the usage of each organization it belongs to. */
export function ActivitySections({ profileId }: { profileId: string }) {
  const memberships = useProfileMemberships(profileId);
  const usageNote = memberships.isPending ? (
    <Loading label="Loading the organizations…" />
  ) : memberships.isError ? (
    <LoadError
      title="Could not load the organizations"
      error={memberships.error}
      onRetry={() => void memberships.refetch()}
      isRetrying={memberships.isFetching}
    />
  ) : memberships.data.items.length === 0 ? (
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
