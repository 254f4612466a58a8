import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { messageOf } from '../../lib/api-errors.ts';
import { useTRPC, type RouterOutputs } from '../../lib/trpc.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { DateTime } from '../../ui/date-time.tsx';
import { Detail } from '../../ui/details.tsx';
import { useMoveFocus } from '../../ui/use-move-focus.ts';
import { AddSourceRecordForm, type UpsertedRecord } from './add-source-record-form.tsx';
import { JsonValue } from './json-value.tsx';
import { refreshRecordsOf } from './source-records-cache.ts';

type SourceRecord = RouterOutputs['sourceRecords']['list'][number];
type Identifier = SourceRecord['identifiers'][number];

const recordId = (id: string) => `source-record-${id}`;
const deleteButtonId = (id: string) => `source-record-${id}-delete`;
const identifierKey = (identifier: Identifier) => `${identifier.type}:${identifier.value}`;

/** How a record is named to tell it from the others: its name and the system it comes from. */
function recordLabel(record: SourceRecord): string {
  return `${record.name} from ${record.source}`;
}

interface SourceRecordsSectionProps {
  profileId: string;
  canWrite: boolean;
  /** The record an identifier query lookup led here by, marked. */
  foundRecordId: string | undefined;
}

/** What outside systems know of the profile (reference 003: profiles), one record each. */
export function SourceRecordsSection({ profileId, canWrite, foundRecordId }: SourceRecordsSectionProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const records = useQuery(trpc.sourceRecords.list.queryOptions({ profileId }));
  const settings = useQuery(trpc.workspaceSettings.get.queryOptions());
  const [deleting, setDeleting] = useState<SourceRecord | null>(null);
  const [notice, setNotice] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moveFocus = useMoveFocus();
  const refresh = () => refreshRecordsOf(queryClient, trpc, profileId);

  const remove = useMutation(
    trpc.sourceRecords.delete.mutationOptions({
      onSuccess: async () => {
        setNotice(deleting ? `Deleted ${recordLabel(deleting)}.` : '');
        await refresh();
        setDeleting(null);
        moveFocus(() => headingRef.current);
      },
    }),
  );
  const removeIdentifier = useMutation(
    trpc.sourceRecords.removeIdentifier.mutationOptions({
      onSuccess: async (record) => {
        const before = records.data?.find((each) => each.id === record.id)?.identifiers ?? [];
        const kept = new Set(record.identifiers.map(identifierKey));
        const index = before.findIndex((identifier) => !kept.has(identifierKey(identifier)));
        const removed = before[index];
        const removedKey = removed ? identifierKey(removed) : null;
        setNotice(removed ? `Removed ${removed.type} ${removed.value} from ${recordLabel(record)}.` : '');
        await refresh();
        // Once it is gone, the next identifier's Remove takes the focus, else the one before, else the record's Delete.
        moveFocus(() => {
          const buttons = Array.from(
            document
              .getElementById(recordId(record.id))
              ?.querySelectorAll<HTMLElement>('[data-identifier]') ?? [],
          );
          if (buttons.some((button) => button.dataset.identifier === removedKey)) return null;
          return buttons[index] ?? buttons[index - 1] ?? document.getElementById(deleteButtonId(record.id));
        });
      },
    }),
  );

  async function saved(record: UpsertedRecord) {
    setNotice(
      record.isCreated
        ? `Added ${recordLabel(record)}.`
        : `Replaced ${recordLabel(record)}: a record was already at this identifier query.`,
    );
    await refresh();
  }

  const count = records.data?.length ?? 0;
  const limit = settings.data?.sourceRecordsPerProfileMax;

  return (
    <section className="card" aria-labelledby="profile-source-records">
      <div className="card-heading">
        <h2 id="profile-source-records" ref={headingRef} tabIndex={-1}>
          Source records
        </h2>
        {records.isSuccess && limit !== undefined ? (
          <span className="muted">
            {count} of at most {limit}
          </span>
        ) : null}
      </div>
      <p className="field-hint source-records-intro">
        What other systems know of this profile, each record addressed by an identifier query.
      </p>
      {records.isPending ? <p className="muted">Loading…</p> : null}
      {records.isError ? <p className="field-error">{messageOf(records.error)}</p> : null}
      {records.data?.length === 0 ? <p className="muted">No source records yet.</p> : null}
      {records.data && records.data.length > 0 ? (
        <ul className="source-records">
          {records.data.map((record) => (
            <li key={record.id}>
              <SourceRecordItem
                record={record}
                isFound={record.id === foundRecordId}
                canWrite={canWrite}
                isRemoving={removeIdentifier.isPending}
                removeError={
                  removeIdentifier.isError && removeIdentifier.variables.id === record.id
                    ? messageOf(removeIdentifier.error)
                    : null
                }
                onRemoveIdentifier={(identifier) => {
                  if (!removeIdentifier.isPending) removeIdentifier.mutate({ id: record.id, ...identifier });
                }}
                onDelete={() => {
                  remove.reset();
                  setDeleting(record);
                }}
              />
            </li>
          ))}
        </ul>
      ) : null}
      <p className="visually-hidden" role="status">
        {notice}
      </p>
      {canWrite ? <AddSourceRecordForm profileId={profileId} onSaved={saved} /> : null}

      <ConfirmDialog
        isOpen={deleting !== null}
        title="Delete this source record?"
        confirmLabel="Delete record"
        pendingLabel="Deleting…"
        isPending={remove.isPending}
        error={remove.isError ? messageOf(remove.error) : null}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        onCancel={() => setDeleting(null)}
      >
        <p>
          The record <strong>{deleting?.name}</strong> from <strong>{deleting?.source}</strong> and its
          attributes are deleted for good. The profile keeps its identities, emails and phones.
        </p>
      </ConfirmDialog>
    </section>
  );
}

interface SourceRecordItemProps {
  record: SourceRecord;
  isFound: boolean;
  canWrite: boolean;
  isRemoving: boolean;
  removeError: string | null;
  onRemoveIdentifier: (identifier: Identifier) => void;
  onDelete: () => void;
}

function SourceRecordItem(props: SourceRecordItemProps) {
  const { record, isFound, canWrite, isRemoving, removeError, onRemoveIdentifier, onDelete } = props;
  const titleId = `${recordId(record.id)}-title`;
  // A record keeps at least one identifier: the last one goes with the record.
  const canRemoveIdentifier = canWrite && record.identifiers.length > 1;
  return (
    <article id={recordId(record.id)} className="source-record" aria-labelledby={titleId}>
      <div className="source-record-header">
        <h3 id={titleId} className="source-record-title">
          {record.name}
          <span className="visually-hidden"> from {record.source}</span>
        </h3>
        <span className="source-record-origin">
          <span className="badge badge-muted">{record.source}</span>
          <span className="muted">{record.type}</span>
          {isFound ? <span className="badge badge-success">Found by lookup</span> : null}
        </span>
        {canWrite ? (
          <button
            type="button"
            id={deleteButtonId(record.id)}
            className="button button-small button-danger-outline source-record-delete"
            onClick={onDelete}
            aria-label={`Delete ${recordLabel(record)}`}
          >
            Delete
          </button>
        ) : null}
      </div>
      <dl className="details">
        <Detail term="Identifiers">
          <ul className="chips" aria-label="Identifiers">
            {record.identifiers.map((identifier) => (
              <li key={identifierKey(identifier)} className="identifier-chip">
                <span className="muted">{identifier.type}</span>
                <span>{identifier.value}</span>
                {canRemoveIdentifier ? (
                  <button
                    type="button"
                    data-identifier={identifierKey(identifier)}
                    className="identifier-remove"
                    onClick={() => onRemoveIdentifier(identifier)}
                    aria-disabled={isRemoving}
                    aria-label={`Remove ${identifier.type} ${identifier.value} from ${recordLabel(record)}`}
                    title="Remove this identifier"
                  >
                    ×
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
          {removeError ? <p className="field-error">{removeError}</p> : null}
        </Detail>
        <Detail term="Attributes">
          {Object.keys(record.attributes).length > 0 ? <JsonValue value={record.attributes} /> : null}
        </Detail>
        <Detail term="Created">
          <DateTime value={record.createdAt} />
        </Detail>
        <Detail term="Updated">
          <DateTime value={record.updatedAt} />
        </Detail>
        <Detail term="Record ID">
          <code>{record.id}</code>
        </Detail>
      </dl>
    </article>
  );
}
