import { createContext, use, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { Outlet, useLocation } from 'react-router';

interface FocusScope {
  /** The history entry whose page already took the focus; at first, the one the console opened on. */
  focusedEntry: RefObject<string>;
  /** The entry reached by changing only the query (a search, a sort, a filter), whose control keeps the focus. */
  queryOnlyEntry: string | null;
}

const FocusScopeContext = createContext<FocusScope | null>(null);

/** Around every route, so that a page reached by navigating can take the focus once. */
export function PageFocusScope() {
  const { key, pathname } = useLocation();
  const focusedEntry = useRef(key);
  const [shown, setShown] = useState({ key, pathname, isQueryOnly: false });
  if (shown.key !== key) {
    setShown({ key, pathname, isQueryOnly: shown.pathname === pathname });
  }
  const queryOnlyEntry = shown.isQueryOnly ? shown.key : null;
  return (
    <FocusScopeContext value={{ focusedEntry, queryOnlyEntry }}>
      <Outlet />
    </FocusScopeContext>
  );
}

/**
 * The page's title. After a navigation it takes the focus, so a screen reader starts reading the new page
 * and the next Tab goes into it, rather than the focus staying on a link that is gone. Not after a change
 * of the query alone: the page stays, and the search box or header used keeps the focus.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const scope = use(FocusScopeContext);
  const { key } = useLocation();

  useEffect(() => {
    if (!scope || scope.focusedEntry.current === key) return;
    scope.focusedEntry.current = key;
    if (scope.queryOnlyEntry !== key) headingRef.current?.focus();
  }, [scope, key]);

  return (
    <h1 ref={headingRef} tabIndex={-1}>
      {children}
    </h1>
  );
}
