import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { messageOf } from '../../lib/api-errors.ts';
import { splitError } from '../../lib/field-errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useFormErrors } from '../../ui/use-form-errors.ts';
import {
  attributeChangeOf,
  attributeFieldNames,
  attributeValueText,
  emptyAttributeDraft,
  valueKindOptions,
  yesNoOptions,
  type AttributeDraft,
  type AttributeValueKind,
} from './membership-attribute.values.ts';
import { refreshMemberships } from './organization-cache.ts';
import type { Membership } from './profile-memberships.ts';

interface MembershipAttributesEditorProps {
  membership: Membership;
  canEdit: boolean;
}

/**
 * The profile's attributes in one organization (reference 004: "Expand the account to view, add,
 * or clear user attributes"): each with a way to clear it, and a form that sets one.
 */
export function MembershipAttributesEditor({ membership, canEdit }: MembershipAttributesEditorProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<AttributeDraft>(emptyAttributeDraft);
  const [notice, setNotice] = useState('');
  const { errors, refuse, clear } = useFormErrors(formRef);
  const { organizationId, profileId } = membership;
  const idOf = (name: string) => `membership-${organizationId}-${name}`;
  const change = useMutation(
    trpc.memberships.update.mutationOptions({
      onSuccess: async (_saved, { attributes = {} }) => {
        const [[key, value] = ['', null]] = Object.entries(attributes);
        setNotice(value === null ? `Cleared ${key}.` : `Set ${key}.`);
        if (value !== null) setDraft(emptyAttributeDraft);
        await refreshMemberships(queryClient, trpc);
      },
      onError: (error, { attributes = {} }) => {
        if (Object.values(attributes).includes(null)) return;
        refuse(splitError(error, attributeFieldNames));
      },
    }),
  );
  const saved = change.data;
  const attributes = (saved && saved.updatedAt >= membership.updatedAt ? saved : membership).attributes;
  const entries = Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b));
  const isClearing = (key?: string) =>
    Object.entries(change.variables?.attributes ?? {}).some(
      ([changed, value]) => value === null && (key === undefined || changed === key),
    );
  const clearError = change.isError && isClearing() ? messageOf(change.error) : null;

  function edit(fields: Partial<AttributeDraft>) {
    setDraft((current) => ({ ...current, ...fields }));
    for (const field of Object.keys(fields)) clear(field);
    setNotice('');
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (change.isPending) return;
    const parsed = attributeChangeOf(draft);
    if ('errors' in parsed) return refuse({ fields: parsed.errors, form: null });
    clear();
    change.mutate({ organizationId, profileId, attributes: parsed.change });
  }

  return (
    <div className="membership-attributes">
      <h3 className="form-subtitle">Attributes in {membership.organization.name}</h3>
      {entries.length === 0 ? (
        <p className="muted">No attributes in this organization yet.</p>
      ) : (
        <dl className="membership-attribute-list">
          {entries.map(([key, value]) => (
            <div key={key} className="membership-attribute">
              <dt>
                <code>{key}</code>
              </dt>
              <dd>
                <span className="membership-attribute-value">{attributeValueText(value)}</span>
                {canEdit ? (
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={`Clear ${key}`}
                    aria-disabled={change.isPending}
                    onClick={() => {
                      if (change.isPending) return;
                      setNotice('');
                      change.mutate({ organizationId, profileId, attributes: { [key]: null } });
                    }}
                  >
                    {change.isPending && isClearing(key) ? 'Clearing…' : 'Clear'}
                  </button>
                ) : null}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {clearError ? (
        <p className="field-error" role="alert">
          {clearError}
        </p>
      ) : null}
      <p className="visually-hidden" role="status">
        {notice}
      </p>
      {canEdit ? (
        <form ref={formRef} className="membership-attribute-form" onSubmit={submit} noValidate>
          <TextField
            id={idOf('key')}
            label="Key"
            required
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            placeholder="billing_role"
            value={draft.key}
            onValueChange={(key) => edit({ key })}
            error={errors.fields.key}
          />
          <SelectField
            id={idOf('kind')}
            label="Kind"
            required
            value={draft.kind}
            options={valueKindOptions}
            onValueChange={(kind) =>
              edit({ kind: kind as AttributeValueKind, value: kind === 'boolean' ? 'true' : '' })
            }
          />
          {draft.kind === 'boolean' ? (
            <SelectField
              id={idOf('value')}
              label="Value"
              required
              value={draft.value}
              options={yesNoOptions}
              onValueChange={(value) => edit({ value })}
              error={errors.fields.value}
            />
          ) : (
            <TextField
              id={idOf('value')}
              label="Value"
              required
              autoComplete="off"
              inputMode={draft.kind === 'number' ? 'decimal' : undefined}
              value={draft.value}
              onValueChange={(value) => edit({ value })}
              error={errors.fields.value}
            />
          )}
          <button type="submit" className="button" aria-disabled={change.isPending}>
            {change.isPending && !isClearing() ? 'Saving…' : 'Set attribute'}
          </button>
          {errors.form ? <p className="field-error membership-attribute-form-error">{errors.form}</p> : null}
        </form>
      ) : null}
    </div>
  );
}
