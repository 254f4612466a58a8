import { useQueryClient } from '@tanstack/react-query';
import type { ObjectKind } from '@tessera/domain';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useTRPC } from '../../lib/trpc.ts';
import { Alert } from '../../ui/alert.tsx';
import { PageHeading } from '../../ui/page-heading.tsx';
import { useCan } from '../auth/session.tsx';
import { refreshStructure } from './structure-cache.ts';
import { byObjectKind, objectKindLabels } from './structure-labels.ts';

/** What a form page tells the list it sends the member back to. */
interface StructureListState {
  notice?: string;
}

/** The notice a form page sent the member back to the list with, if any. */
export function useReturnNotice(): string | undefined {
  return (useLocation().state as StructureListState | null)?.notice;
}

interface StructureHeaderProps {
  title: string;
  intro: string;
  newPath: string;
  newLabel: string;
}

/** A list page's title and what it holds, with the way to add one for those who may, and a word for the others. */
export function StructureHeader({ title, intro, newPath, newLabel }: StructureHeaderProps) {
  const isManager = useCan('structure.manage');
  return (
    <>
      <div className="page-header">
        <PageHeading>{title}</PageHeading>
        {isManager ? (
          <div className="page-actions">
            <Link className="button button-primary" to={newPath}>
              {newLabel}
            </Link>
          </div>
        ) : null}
      </div>
      <p className="page-intro muted">{intro}</p>
      {isManager ? null : (
        <Alert tone="info">
          Your role may look at the workspace’s structure but not change it. Ask a super admin or the master.
        </Alert>
      )}
    </>
  );
}

export const kindHeadingId = (list: string, kind: ObjectKind) => `${list}-${kind}`;

interface KindSectionsProps<T> {
  /** Names the headings' ids, so the focus can go to one */
  list: string;
  items: readonly T[];
  /** `profile types`, `attributes`, `workflows` */
  noun: string;
  renderItem: (item: T) => ReactNode;
}

/** Items under a heading per kind of record: Contacts, Organizations, Users; their cards stack on a phone. */
export function KindSections<T extends { id: string; objectKind: ObjectKind }>({
  list,
  items,
  noun,
  renderItem,
}: KindSectionsProps<T>) {
  return byObjectKind(items).map((group) => (
    <section key={group.kind} className="kind-section" aria-labelledby={kindHeadingId(list, group.kind)}>
      <div className="card-heading kind-heading">
        <h2 id={kindHeadingId(list, group.kind)} tabIndex={-1}>
          {objectKindLabels[group.kind]}
        </h2>
        <span className="muted">{group.items.length}</span>
      </div>
      {group.items.length === 0 ? (
        <p className="muted">
          No {objectKindLabels[group.kind].toLowerCase()} {noun} yet.
        </p>
      ) : (
        <ul className="structure-cards">
          {group.items.map((item) => (
            <li key={item.id}>{renderItem(item)}</li>
          ))}
        </ul>
      )}
    </section>
  ));
}

interface StructureCardProps {
  id: string;
  /** The card's heading: a name, or a badge */
  heading: ReactNode;
  /** How the edit and delete buttons name the item */
  name: string;
  editPath: string;
  onDelete: () => void;
  children: ReactNode;
}

/** One profile type, attribute or workflow, with Edit and Delete for those who may. */
export function StructureCard({ id, heading, name, editPath, onDelete, children }: StructureCardProps) {
  const isManager = useCan('structure.manage');
  const titleId = `${id}-title`;
  return (
    <article className="card structure-card" aria-labelledby={titleId}>
      <h3 id={titleId} className="structure-card-title">
        {heading}
      </h3>
      {children}
      {isManager ? (
        <div className="structure-card-actions">
          <Link className="button button-small" to={editPath} aria-label={`Edit ${name}`}>
            Edit
          </Link>
          <button
            type="button"
            className="button button-small button-danger-outline"
            aria-label={`Delete ${name}`}
            onClick={onDelete}
          >
            Delete
          </button>
        </div>
      ) : null}
    </article>
  );
}

/** The way back from a form page to its list. */
export function StructureBreadcrumbs({ listPath, listTitle }: { listPath: string; listTitle: string }) {
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumb">
      <Link to={listPath}>{listTitle}</Link>
    </nav>
  );
}

/** A form page's title, then its form for super admins and masters, and a word for everyone else. */
export function StructureFormFrame({
  title,
  pluralNoun,
  children,
}: {
  title: string;
  pluralNoun: string;
  children: ReactNode;
}) {
  const isManager = useCan('structure.manage');
  return (
    <>
      <div className="page-header">
        <PageHeading>{title}</PageHeading>
      </div>
      {isManager ? (
        children
      ) : (
        <Alert tone="info">
          Your role may look at {pluralNoun} but not change them. Ask a super admin or the master.
        </Alert>
      )}
    </>
  );
}

/** After a save: every view of the structure loads again, and the member goes back to the list, told what was done. */
export function useBackToList(listPath: string): (notice: string) => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async (notice) => {
    await refreshStructure(queryClient, trpc);
    const state: StructureListState = { notice };
    await navigate(listPath, { state });
  };
}
