import { useEffect, useRef, useState } from 'react';

/**
 * A text box's own value over a committed one (such as a URL parameter): `commit` is called with the trimmed
 * draft once typing pauses for `delayMs`. When the committed value changes from elsewhere (Back, a Clear
 * button), the draft follows it; a commit of our own does not reset the draft, which may have a trailing space.
 */
export function useDebouncedDraft(
  committed: string,
  commit: (value: string) => void,
  delayMs = 250,
): [draft: string, setDraft: (value: string) => void] {
  const [draft, setDraft] = useState(committed);
  const [seenCommitted, setSeenCommitted] = useState(committed);
  const [ownCommit, setOwnCommit] = useState<string | null>(null);
  const commitRef = useRef(commit);

  useEffect(() => {
    commitRef.current = commit;
  });

  if (committed !== seenCommitted) {
    setSeenCommitted(committed);
    if (committed !== ownCommit && committed !== draft.trim()) setDraft(committed);
  }

  useEffect(() => {
    const value = draft.trim();
    if (value === committed) return;
    const timer = setTimeout(() => {
      setOwnCommit(value);
      commitRef.current(value);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [draft, committed, delayMs]);

  return [draft, setDraft];
}
