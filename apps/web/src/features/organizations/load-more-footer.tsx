import { Alert } from '../../ui/alert.tsx';

interface LoadMoreFooterProps {
  /** How much the list shows, read out as it changes */
  summary: string;
  /** What the list holds, for the error: `organizations`, `members` */
  noun: string;
  hasMore: boolean;
  isLoadingMore: boolean;
  hasLoadMoreFailed: boolean;
  onLoadMore: () => void;
}

/** Under a list loaded page by page: how much it shows, and Load more while there is more. */
export function LoadMoreFooter(props: LoadMoreFooterProps) {
  const { summary, noun, hasMore, isLoadingMore, hasLoadMoreFailed, onLoadMore } = props;
  return (
    <div className="list-footer">
      <p className="muted" role="status">
        {summary}
      </p>
      {hasLoadMoreFailed ? (
        <Alert
          tone="error"
          title={`Could not load more ${noun}`}
          actions={
            <button type="button" className="button" onClick={onLoadMore}>
              Retry
            </button>
          }
        />
      ) : hasMore ? (
        // aria-disabled rather than disabled: a disabled button would drop the focus to the page's body.
        <button type="button" className="button" onClick={onLoadMore} aria-disabled={isLoadingMore}>
          {isLoadingMore ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
    </div>
  );
}

interface PagedList {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** The footer of a list read newest first, page by page: `Showing the latest 20 changes`, then the count. */
export function NewestFirstFooter(props: { list: PagedList; count: number; one: string; many: string }) {
  const { list, count, one, many } = props;
  return (
    <LoadMoreFooter
      summary={
        list.hasNextPage
          ? `Showing the latest ${count} ${many}`
          : count === 1
            ? `1 ${one}`
            : `${count} ${many}`
      }
      noun={many}
      hasMore={list.hasNextPage}
      isLoadingMore={list.isFetchingNextPage}
      hasLoadMoreFailed={list.isFetchNextPageError}
      onLoadMore={() => void list.fetchNextPage()}
    />
  );
}
