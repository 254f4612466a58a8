import { useQuery } from '@tanstack/react-query';
import { campaignStages, type CampaignStage } from '@tessera/domain';
import { messageOf } from '../../lib/api-errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { DateTime } from '../../ui/date-time.tsx';

const stageLabels: Record<CampaignStage, string> = {
  sent: 'Sent',
  viewed: 'Viewed',
  engaged: 'Engaged',
  goal_achieved: 'Goal achieved',
};

/**
 * How many campaigns reached the profile, were viewed, engaged it and achieved their goal, and
 * the most recent ones with where each stands (reference 004: campaigns).
 */
export function CampaignSummarySection({ profileId }: { profileId: string }) {
  const trpc = useTRPC();
  const summary = useQuery(trpc.campaigns.summary.queryOptions({ profileId }));

  return (
    <section className="card" aria-labelledby="profile-campaigns">
      <h2 id="profile-campaigns" className="card-title">
        Campaigns
      </h2>
      {summary.isPending ? <p className="muted">Loading…</p> : null}
      {summary.isError ? <p className="field-error">{messageOf(summary.error)}</p> : null}
      {summary.isSuccess ? (
        <>
          <dl className="stage-counts">
            {campaignStages.map((stage) => (
              <div key={stage} className="stage-count">
                <dt>{stageLabels[stage]}</dt>
                <dd>{summary.data.counts[stage]}</dd>
              </div>
            ))}
          </dl>
          <h3 className="recent-campaigns-title">Most recent</h3>
          {summary.data.recent.length === 0 ? (
            <p className="muted">No campaigns yet.</p>
          ) : (
            <ul className="recent-campaigns">
              {summary.data.recent.map((campaign) => (
                <li key={campaign.campaignId}>
                  <span className="recent-campaign-name">{campaign.campaignName}</span>
                  <span className={campaign.stage === 'goal_achieved' ? 'badge badge-success' : 'badge'}>
                    {stageLabels[campaign.stage]}
                  </span>
                  <span className="muted">
                    <DateTime value={campaign.occurredAt} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}
