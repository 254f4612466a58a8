import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ObjectKind } from '@tessera/domain';
import { Fragment, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { messageOf } from '../../lib/api-errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { useMoveFocus } from '../../ui/use-move-focus.ts';
import { AttributeValueView } from './attribute-value-view.tsx';
import type { AttributeDefinition } from './attribute-value.drafts.ts';
import { profileTypesPath } from './customer-data-layout.tsx';
import { ProfileTypeBadges } from './profile-type-badge.tsx';
import { bundledDefinitions, type ProfileType } from './profile-type-form.fields.ts';
import { RecordAttributeValuesForm } from './record-attribute-values-form.tsx';
import { RecordWorkflowsSection } from './record-workflows-section.tsx';
import { refreshRecord, type RecordAttributes } from './structure-cache.ts';
import { objectKindLabels, recordNouns } from './structure-labels.ts';

type Adopted = RecordAttributes['profileTypes'][number];

interface RecordProfileTypesSectionProps {
  objectKind: ObjectKind;
  recordId: string;
  /** Whether the member may change this record: attach and detach its types, set its values, move it */
  canEdit: boolean;
}

const headingId = 'record-profile-types';
const groupId = (typeId: string) => `record-type-${typeId}`;
const editButtonId = (typeId: string) => `record-type-${typeId}-edit`;

/**
 * A record's profile types (reference 000: Profiles): a badge for each, their attributes grouped
 * by type with the record's values, edited in place, types attached and detached; then where the
 * record stands in its kind's workflows.
 */
export function RecordProfileTypesSection({ objectKind, recordId, canEdit }: RecordProfileTypesSectionProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const record = useQuery(trpc.attributeValues.get.queryOptions({ objectKind, recordId }));
  const types = useQuery(trpc.profileTypes.list.queryOptions({ objectKind }));
  const definitions = useQuery(trpc.attributeDefinitions.list.queryOptions({ objectKind }));
  const [editingId, setEditingId] = useState<string | null>(null);
  const [detaching, setDetaching] = useState<Adopted | null>(null);
  const [notice, setNotice] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moveFocus = useMoveFocus();
  const noun = recordNouns[objectKind];

  const detach = useMutation(
    trpc.profileTypes.detach.mutationOptions({
      onSuccess: async (shown) => {
        setNotice(detaching ? `Detached ${detaching.title}.` : '');
        setDetaching(null);
        setEditingId(null);
        moveFocus(() => headingRef.current);
        await refreshRecord(queryClient, trpc, shown);
      },
    }),
  );

  const queries = [record, types, definitions];
  const failed = queries.find((query) => query.isError);
  const adopted = record.data?.profileTypes ?? [];
  const available = (types.data ?? []).filter((type) => !adopted.some((held) => held.id === type.id));

  return (
    <>
      <section className="card" aria-labelledby={headingId}>
        <h2 id={headingId} ref={headingRef} className="card-title" tabIndex={-1}>
          Profile types
        </h2>
        {failed ? <p className="field-error">{messageOf(failed.error)}</p> : null}
        {queries.some((query) => query.isPending) ? (
          <p className="muted">Loading…</p>
        ) : record.data && types.data && definitions.data ? (
          <>
            {adopted.length === 0 ? (
              <p className="muted">This {noun} has no profile types yet.</p>
            ) : (
              <ProfileTypeBadges types={adopted} />
            )}
            {canEdit ? (
              <AttachTypeForm
                objectKind={objectKind}
                recordId={recordId}
                available={available}
                hasTypes={types.data.length > 0}
                onAttached={setNotice}
              />
            ) : null}
            {adopted.map((badge) => (
              <AdoptedTypeGroup
                key={badge.id}
                objectKind={objectKind}
                recordId={recordId}
                badge={badge}
                definitions={bundledDefinitions(
                  types.data.find((type) => type.id === badge.id)?.attributes ?? [],
                  definitions.data,
                )}
                values={record.data.attributes}
                canEdit={canEdit}
                isEditing={editingId === badge.id}
                onEdit={() => {
                  setNotice('');
                  setEditingId(badge.id);
                  moveFocus(() =>
                    document
                      .getElementById(groupId(badge.id))
                      ?.querySelector<HTMLElement>('input, select, textarea'),
                  );
                }}
                onEdited={(saved) => {
                  setNotice(saved ?? '');
                  setEditingId(null);
                  moveFocus(() => document.getElementById(editButtonId(badge.id)));
                }}
                onDetach={() => {
                  detach.reset();
                  setDetaching(badge);
                }}
              />
            ))}
          </>
        ) : null}
        <p className="visually-hidden" role="status">
          {notice}
        </p>
        <ConfirmDialog
          isOpen={detaching !== null}
          title={`Detach ${detaching?.title ?? ''}?`}
          confirmLabel="Detach"
          pendingLabel="Detaching…"
          isPending={detach.isPending}
          error={detach.isError ? messageOf(detach.error) : null}
          onConfirm={() => detaching && detach.mutate({ id: detaching.id, recordId })}
          onCancel={() => setDetaching(null)}
        >
          <p>
            This {noun} no longer shows <strong>{detaching?.title}</strong> or its attributes. Their values
            are kept, and come back if the type is attached again.
          </p>
        </ConfirmDialog>
      </section>
      <RecordWorkflowsSection objectKind={objectKind} recordId={recordId} canEdit={canEdit} />
    </>
  );
}

interface AttachTypeFormProps {
  objectKind: ObjectKind;
  recordId: string;
  /** The kind's types the record has not adopted */
  available: readonly ProfileType[];
  hasTypes: boolean;
  onAttached: (notice: string) => void;
}

function AttachTypeForm({ objectKind, recordId, available, hasTypes, onAttached }: AttachTypeFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState('');
  const attach = useMutation(
    trpc.profileTypes.attach.mutationOptions({
      onSuccess: async (shown) => {
        const type = available.find((each) => each.id === choice);
        setChoice('');
        onAttached(type ? `Attached ${type.title}.` : '');
        await refreshRecord(queryClient, trpc, shown);
      },
    }),
  );
  if (!hasTypes) {
    return (
      <p className="field-hint">
        There are no {objectKindLabels[objectKind].toLowerCase()} profile types yet: super admins and masters
        create them in <Link to={profileTypesPath}>Customer data</Link>.
      </p>
    );
  }
  if (available.length === 0) return null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (choice === '' || attach.isPending) return;
    attach.mutate({ id: choice, recordId });
  }

  return (
    <form className="attach-type-form" onSubmit={submit} noValidate>
      <SelectField
        id="attach-profile-type"
        label="Attach a profile type"
        required
        value={choice}
        options={available.map((type) => ({ value: type.id, label: type.title }))}
        noneLabel="Choose a type"
        onValueChange={(value) => {
          setChoice(value);
          attach.reset();
        }}
        error={attach.isError ? messageOf(attach.error) : undefined}
        hint="It brings its attributes, their default values and its default workflow."
      />
      <button type="submit" className="button" aria-disabled={choice === '' || attach.isPending}>
        {attach.isPending ? 'Attaching…' : 'Attach'}
      </button>
    </form>
  );
}

interface AdoptedTypeGroupProps {
  objectKind: ObjectKind;
  recordId: string;
  badge: Adopted;
  definitions: readonly AttributeDefinition[];
  values: Record<string, unknown>;
  canEdit: boolean;
  isEditing: boolean;
  onEdit: () => void;
  /** The edit ended: saved (with what to announce) or given up (null) */
  onEdited: (notice: string | null) => void;
  onDetach: () => void;
}

/** One adopted type: its attributes with the record's values, or the form that edits them in place. */
function AdoptedTypeGroup(props: AdoptedTypeGroupProps) {
  const { objectKind, recordId, badge, definitions, values, canEdit, isEditing, onEdit, onEdited, onDetach } =
    props;
  const titleId = `${groupId(badge.id)}-title`;
  return (
    <section className="record-type" id={groupId(badge.id)} aria-labelledby={titleId}>
      <div className="record-type-header">
        <h3 id={titleId} className="record-type-title">
          {badge.title}
        </h3>
        {canEdit ? (
          <div className="record-type-actions">
            {definitions.length > 0 && !isEditing ? (
              <button
                type="button"
                id={editButtonId(badge.id)}
                className="button button-small"
                aria-label={`Edit the values of ${badge.title}`}
                onClick={onEdit}
              >
                Edit values
              </button>
            ) : null}
            <button
              type="button"
              className="button button-small button-danger-outline"
              aria-label={`Detach ${badge.title}`}
              onClick={onDetach}
            >
              Detach
            </button>
          </div>
        ) : null}
      </div>
      {definitions.length === 0 ? (
        <p className="muted">This type bundles no attributes.</p>
      ) : isEditing ? (
        <RecordAttributeValuesForm
          objectKind={objectKind}
          recordId={recordId}
          title={badge.title}
          definitions={definitions}
          values={values}
          onDone={onEdited}
        />
      ) : (
        <dl className="details">
          {definitions.map((definition) => (
            <Fragment key={definition.slug}>
              <dt>
                {definition.label}
                {definition.isRequired ? <span className="attribute-required"> required</span> : null}
              </dt>
              <dd>
                <AttributeValueView definition={definition} value={values[definition.slug]} />
              </dd>
            </Fragment>
          ))}
        </dl>
      )}
    </section>
  );
}
