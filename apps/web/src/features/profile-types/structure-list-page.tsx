import { useQueryClient } from '@tanstack/react-query';
import type { ObjectKind } from '@tessera/domain';
import { useState, type ReactNode } from 'react';
import { useTRPC, type Trpc } from '../../lib/trpc.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Alert } from '../../ui/alert.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { LoadError, Loading } from '../../ui/states.tsx';
import { useMoveFocus } from '../../ui/use-move-focus.ts';
import { refreshStructure } from './structure-cache.ts';
import {
  kindHeadingId,
  KindSections,
  StructureCard,
  StructureHeader,
  useReturnNotice,
} from './structure-page.tsx';
import { useDeletion } from './use-deletion.ts';

interface ListQuery<T> {
  data: T[] | undefined;
  error: unknown;
  isPending: boolean;
  isFetching: boolean;
  refetch: () => Promise<unknown>;
}

interface StructureListPageProps<T> {
  /** Names the page's headings, like `profile-types` */
  list: string;
  /** `Profile types` */
  title: string;
  intro: string;
  /** `profile type`, in the middle of a sentence */
  noun: string;
  /** `profile types` */
  pluralNoun: string;
  /** Where the list and its forms are */
  path: string;
  query: ListQuery<T>;
  deleteOptions: ReturnType<Trpc['profileTypes']['delete']['mutationOptions']>;
  nameOf: (item: T) => string;
  /** What deleting the item does, said before it is done */
  deleteConsequence: (item: T) => ReactNode;
  /** The card's heading, if not the item's name */
  headingOf?: (item: T) => ReactNode;
  /** What the card says of the item */
  renderFacts: (item: T) => ReactNode;
}

/**
 * A list page of customer data: the items of each kind under its heading as cards, a way to add
 * one, edit it and delete it (after a question) for super admins and masters.
 */
export function StructureListPage<T extends { id: string; objectKind: ObjectKind }>(
  props: StructureListPageProps<T>,
) {
  const { list, title, intro, noun, pluralNoun, path, query, deleteOptions, nameOf } = props;
  useDocumentTitle(title);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const returnNotice = useReturnNotice();
  const [done, setDone] = useState<string | null>(null);
  const moveFocus = useMoveFocus();
  const deletion = useDeletion<T>(deleteOptions, async (item) => {
    setDone(`${nameOf(item)} was deleted.`);
    // Its card and buttons are gone: the heading of its kind takes the focus.
    moveFocus(() => document.getElementById(kindHeadingId(list, item.objectKind)));
    await refreshStructure(queryClient, trpc);
  });
  const notice = done ?? returnNotice;

  return (
    <>
      <StructureHeader title={title} intro={intro} newPath={`${path}/new`} newLabel={`New ${noun}`} />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {query.isPending ? (
        <Loading label={`Loading ${pluralNoun}…`} />
      ) : query.data === undefined ? (
        <LoadError
          title={`Could not load the ${pluralNoun}`}
          error={query.error}
          onRetry={() => void query.refetch()}
          isRetrying={query.isFetching}
        />
      ) : (
        <KindSections
          list={list}
          items={query.data}
          noun={pluralNoun}
          renderItem={(item) => (
            <StructureCard
              id={`${list}-${item.id}`}
              heading={props.headingOf ? props.headingOf(item) : nameOf(item)}
              name={nameOf(item)}
              editPath={`${path}/${item.id}/edit`}
              onDelete={() => {
                setDone(null);
                deletion.ask(item);
              }}
            >
              {props.renderFacts(item)}
            </StructureCard>
          )}
        />
      )}
      <ConfirmDialog
        isOpen={deletion.item !== null}
        title={`Delete this ${noun}?`}
        confirmLabel={`Delete ${noun}`}
        pendingLabel="Deleting…"
        isPending={deletion.isPending}
        error={deletion.error}
        onConfirm={deletion.confirm}
        onCancel={deletion.cancel}
      >
        {deletion.item ? props.deleteConsequence(deletion.item) : null}
      </ConfirmDialog>
    </>
  );
}
