import { useCallback, useEffect, useState } from 'react';

type FindTarget = () => HTMLElement | null | undefined;

/**
 * Returns `moveFocus(find)`: after each render of the calling component, `find` is asked for the element
 * to focus until it returns one. So the focus can go to something that only a later render shows, such
 * as the first row of a page still loading, instead of falling back to the page's body.
 */
export function useMoveFocus(): (find: FindTarget) => void {
  const [request, setRequest] = useState<{ find: FindTarget } | null>(null);

  useEffect(() => {
    const target = request?.find();
    if (!target) return;
    target.focus();
    setRequest(null);
  });

  return useCallback((find: FindTarget) => setRequest({ find }), []);
}
