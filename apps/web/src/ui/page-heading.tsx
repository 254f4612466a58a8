import { createContext, use, useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { Outlet, useLocation } from 'react-router';

/** The history entry whose page already took the focus; at first, the one the console opened on. */
const FocusedEntryContext = createContext<RefObject<string> | null>(null);

/** Around every route, so that a page reached by navigating can take the focus once. */
export function PageFocusScope() {
  const { key } = useLocation();
  const focusedEntry = useRef(key);
  return (
    <FocusedEntryContext value={focusedEntry}>
      <Outlet />
    </FocusedEntryContext>
  );
}

/**
 * The page's title. After a navigation it takes the focus, so a screen reader starts reading the new page
 * and the next Tab goes into it, rather than the focus staying on a link that is gone.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusedEntry = use(FocusedEntryContext);
  const { key } = useLocation();

  useEffect(() => {
    if (!focusedEntry || focusedEntry.current === key) return;
    focusedEntry.current = key;
    headingRef.current?.focus();
  }, [focusedEntry, key]);

  return (
    <h1 ref={headingRef} tabIndex={-1}>
      {children}
    </h1>
  );
}
