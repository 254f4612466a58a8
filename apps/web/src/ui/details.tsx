import type { ReactNode } from 'react';

/** An empty value: a quiet dash, read out as "not set". */
export function Missing() {
  return (
    <span className="muted" aria-label="Not set">
      —
    </span>
  );
}

function orMissing(value: ReactNode): ReactNode {
  return value === null || value === undefined || value === '' ? <Missing /> : value;
}

/** One term and its value in a `dl.details`; an empty value shows as `Missing`. */
export function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{orMissing(children)}</dd>
    </>
  );
}
