import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ObjectKind } from '@tessera/domain';
import { Fragment, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { messageOf } from '../../lib/api-errors.ts';
import { splitError, splitIssues } from '../../lib/field-errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { useFormErrors } from '../../ui/use-form-errors.ts';
import { useMoveFocus } from '../../ui/use-move-focus.ts';
import { attachValuePath, attachValuesOf, valuesNeededToAttach } from './attach-type-form.fields.ts';
import { AttributeValueField } from './attribute-value-field.tsx';
import { AttributeValueView } from './attribute-value-view.tsx';
import { emptyDraft, type AttributeDefinition, type AttributeDrafts } from './attribute-value.drafts.ts';
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
                definitions={definitions.data}
                values={record.data.attributes}
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
  /** The kind's attribute definitions */
  definitions: readonly AttributeDefinition[];
  /** The record's values */
  values: Record<string, unknown>;
  onAttached: (notice: string) => void;
}

/**
 * Attaches a type; the required attributes it brings that have no default value, nor a value on
 * the record, are given values with it, each refusal shown at its field.
 */
function AttachTypeForm(props: AttachTypeFormProps) {
  const { objectKind, recordId, available, hasTypes, definitions, values, onAttached } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [choice, setChoice] = useState('');
  const [drafts, setDrafts] = useState<AttributeDrafts>({});
  const { errors, refuse, clear } = useFormErrors(formRef);
  const chosen = available.find((type) => type.id === choice);
  const needed = chosen ? valuesNeededToAttach(chosen, definitions, values) : [];
  const paths = needed.map((definition) => attachValuePath(definition.slug));
  const attach = useMutation(
    trpc.profileTypes.attach.mutationOptions({
      onSuccess: async (shown) => {
        setChoice('');
        setDrafts({});
        onAttached(chosen ? `Attached ${chosen.title}.` : '');
        await refreshRecord(queryClient, trpc, shown);
      },
      onError: (error) => refuse(splitError(error, paths)),
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
    const given = attachValuesOf(needed, drafts);
    const issues = Object.entries(given.errors).map(([path, message]) => ({ path, message }));
    if (issues.length > 0) return refuse(splitIssues(issues, paths));
    clear();
    attach.mutate({ id: choice, recordId, attributes: given.values });
  }

  return (
    <form ref={formRef} className="attach-type-form" onSubmit={submit} noValidate>
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
          clear();
        }}
        error={errors.form ?? undefined}
        hint={
          needed.length > 0
            ? 'It brings its attributes, their default values and its default workflow; the required attributes without a default need a value.'
            : 'It brings its attributes, their default values and its default workflow.'
        }
      />
      {needed.map((definition) => {
        const path = attachValuePath(definition.slug);
        return (
          <AttributeValueField
            key={definition.slug}
            id={`attach-type.${path}`}
            definition={definition}
            draft={drafts[definition.slug] ?? emptyDraft(definition.dataType)}
            isRequired
            error={errors.fields[path]}
            onDraftChange={(draft) => {
              setDrafts((current) => ({ ...current, [definition.slug]: draft }));
              clear(path);
            }}
          />
        );
      })}
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
