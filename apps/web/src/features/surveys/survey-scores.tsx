import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatScore } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { DateTime } from '../../ui/date-time.tsx';
import { Loading, LoadError } from '../../ui/states.tsx';
import { SurveyResponsesDialog } from './survey-responses-dialog.tsx';

interface SurveyScoresProps {
  profileId: string;
  fullName: string;
}

/**
 * The latest score of each survey the profile answered, with its date (reference 004: the profile
 * header's survey responses); each opens the responses.
 */
export function SurveyScores({ profileId, fullName }: SurveyScoresProps) {
  const trpc = useTRPC();
  const latest = useQuery(trpc.surveys.latest.queryOptions({ profileId }));
  const [isOpen, setIsOpen] = useState(false);

  return (
    <section className="survey-scores" aria-labelledby="survey-scores-title">
      <h2 id="survey-scores-title" className="survey-scores-title">
        Surveys
      </h2>
      {latest.isPending ? <Loading label="Loading survey scores…" /> : null}
      {latest.isError ? (
        <LoadError
          title="Could not load the survey scores"
          error={latest.error}
          onRetry={() => void latest.refetch()}
          isRetrying={latest.isFetching}
        />
      ) : null}
      {latest.data?.items.length === 0 ? <p className="muted">No survey responses yet.</p> : null}
      {latest.data && latest.data.items.length > 0 ? (
        <ul className="survey-score-list">
          {latest.data.items.map((item) => (
            <li key={item.survey}>
              <button
                type="button"
                className="survey-score"
                aria-haspopup="dialog"
                onClick={() => setIsOpen(true)}
              >
                <span className="survey-score-name">{item.survey}</span>
                <strong className="survey-score-value">
                  {item.score === null ? 'No score' : formatScore(item.score)}
                </strong>
                <span className="survey-score-date">
                  <DateTime value={item.respondedAt} isDateOnly />
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <SurveyResponsesDialog
        isOpen={isOpen}
        profileId={profileId}
        fullName={fullName}
        onClose={() => setIsOpen(false)}
      />
    </section>
  );
}
