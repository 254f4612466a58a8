import { formatScore } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { useCursorPages } from '../../lib/use-cursor-pages.ts';
import { DateTime } from '../../ui/date-time.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { Loading, LoadError } from '../../ui/states.tsx';
import { NewestFirstFooter } from '../organizations/load-more-footer.tsx';

const pageSize = 20;

interface SurveyResponsesDialogProps {
  isOpen: boolean;
  profileId: string;
  /** Whose responses they are, for the title */
  fullName: string;
  onClose: () => void;
}

/** A profile's survey responses, newest first, page by page. */
export function SurveyResponsesDialog({ isOpen, profileId, fullName, onClose }: SurveyResponsesDialogProps) {
  return (
    <Dialog
      isOpen={isOpen}
      title={`Survey responses of ${fullName}`}
      className="dialog-wide"
      onCancel={onClose}
      actions={
        <button type="button" className="button" onClick={onClose} autoFocus>
          Close
        </button>
      }
    >
      {isOpen ? <SurveyResponseList profileId={profileId} /> : null}
    </Dialog>
  );
}

function SurveyResponseList({ profileId }: { profileId: string }) {
  const trpc = useTRPC();
  const input = { profileId, limit: pageSize };
  const list = useCursorPages(trpc.surveys.list.infiniteQueryKey(input), (queryClient, cursor) =>
    queryClient.fetchQuery(trpc.surveys.list.queryOptions({ ...input, cursor })),
  );
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  if (list.isPending) return <Loading label="Loading the responses…" />;
  if (list.isError && !list.isFetchNextPageError) {
    return (
      <LoadError
        title="Could not load the responses"
        error={list.error}
        onRetry={() => void list.refetch()}
        isRetrying={list.isFetching}
      />
    );
  }
  if (items.length === 0) return <p className="muted dialog-body">No survey responses yet.</p>;
  return (
    <div className="dialog-body">
      <ol className="survey-responses" aria-label="Survey responses, newest first">
        {items.map((response) => (
          <li key={response.id}>
            <div className="survey-response-heading">
              <strong className="survey-response-survey">{response.survey}</strong>
              {response.score === null ? null : (
                <span className="badge" aria-label={`Score ${formatScore(response.score)}`}>
                  {formatScore(response.score)}
                </span>
              )}
              <span className="muted survey-response-when">
                <DateTime value={response.respondedAt} />
              </span>
            </div>
            <p className="survey-response-question">{response.question}</p>
            {response.answer === null ? null : <p className="survey-response-answer">{response.answer}</p>}
          </li>
        ))}
      </ol>
      <NewestFirstFooter list={list} count={items.length} one="response" many="responses" />
    </div>
  );
}
