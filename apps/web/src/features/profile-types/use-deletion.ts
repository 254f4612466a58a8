import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { messageOf } from '../../lib/api-errors.ts';
import type { Trpc } from '../../lib/trpc.ts';

/** What `trpc.<structure>.delete.mutationOptions()` gives: the three deletions take and answer an id. */
type DeleteOptions = ReturnType<Trpc['profileTypes']['delete']['mutationOptions']>;

/**
 * The deletion of an item after a question: `ask` opens it for an item, `confirm` deletes it,
 * `onDeleted` runs once it is gone.
 */
export function useDeletion<T extends { id: string }>(
  options: DeleteOptions,
  onDeleted: (item: T) => Promise<void>,
) {
  const [item, setItem] = useState<T | null>(null);
  const remove = useMutation({
    ...options,
    onSuccess: async () => {
      if (item) await onDeleted(item);
      setItem(null);
    },
  });
  return {
    item,
    ask: (next: T) => {
      remove.reset();
      setItem(next);
    },
    cancel: () => {
      setItem(null);
    },
    confirm: () => {
      if (item && !remove.isPending) remove.mutate({ id: item.id });
    },
    isPending: remove.isPending,
    error: remove.isError ? messageOf(remove.error) : null,
  };
}
