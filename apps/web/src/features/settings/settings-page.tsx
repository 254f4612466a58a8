import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sourceRecordsPerProfileCeiling, updateWorkspaceSettingsInput } from '@tessera/domain';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { hasDomainCode, issuesOf } from '../../lib/api-errors.ts';
import { schemaIssues, splitError, splitIssues } from '../../lib/field-errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Alert } from '../../ui/alert.tsx';
import { PageHeading } from '../../ui/page-heading.tsx';
import { LoadError, Loading } from '../../ui/states.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useFormErrors } from '../../ui/use-form-errors.ts';
import { useMoveFocus } from '../../ui/use-move-focus.ts';
import { useCan } from '../auth/session.tsx';
import {
  emptyRows,
  formIssuesOf,
  settingsFieldNames,
  settingsInputOf,
  settingsValuesOf,
  type SettingsFormValues,
  type WorkspaceSettings,
} from './settings-form.values.ts';

export function SettingsPage() {
  useDocumentTitle('Settings');
  const trpc = useTRPC();
  const settings = useQuery({ ...trpc.workspaceSettings.get.queryOptions(), refetchOnWindowFocus: false });

  return (
    <>
      <div className="page-header">
        <PageHeading>Settings</PageHeading>
      </div>
      <p className="page-intro muted">
        How this workspace reads phone numbers and birthdays, what its profiles may choose from, and how many
        source records each may have.
      </p>
      {settings.isPending ? (
        <Loading label="Loading settings…" />
      ) : settings.isError ? (
        <LoadError
          title="Could not load the settings"
          error={settings.error}
          onRetry={() => void settings.refetch()}
          isRetrying={settings.isFetching}
        />
      ) : (
        <SettingsForm settings={settings.data} />
      )}
    </>
  );
}

type ListName = 'locations' | 'statuses' | 'tiers';

function SettingsForm({ settings }: { settings: WorkspaceSettings }) {
  const isManager = useCan('settings.manage');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<SettingsFormValues>(() => settingsValuesOf(settings));
  const { errors, refuse, clear } = useFormErrors(formRef);
  const [isSaved, setIsSaved] = useState(false);
  const moveFocus = useMoveFocus();

  const update = useMutation(
    trpc.workspaceSettings.update.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.workspaceSettings.get.queryKey(), saved);
        setValues(settingsValuesOf(saved));
        setIsSaved(true);
      },
      onError: (error) => {
        const issues = issuesOf(error);
        const isRefusedRemoval = hasDomainCode(error, 'SETTING_IN_USE');
        refuse(
          issues.length === 0
            ? splitError(error, settingsFieldNames(values))
            : splitIssues(formIssuesOf(values, issues, isRefusedRemoval), settingsFieldNames(values)),
        );
      },
    }),
  );

  function change(apply: (current: SettingsFormValues) => SettingsFormValues, field?: string) {
    setValues(apply);
    setIsSaved(false);
    clear(field);
  }

  function changeRow(list: ListName, index: number, key: string, value: string) {
    change(
      (current) => ({
        ...current,
        [list]: current[list].map((row, at) => (at === index ? { ...row, [key]: value } : row)),
      }),
      `${list}.${index}.${key}`,
    );
  }

  function addRow(list: ListName) {
    const index = values[list].length;
    change((current) => ({ ...current, [list]: [...current[list], { ...emptyRows[list] }] }));
    moveFocus(() => document.getElementById(`${list}.${index}.${list === 'locations' ? 'name' : 'handle'}`));
  }

  /** A saved row stays, marked, until the save (which may refuse to remove it); a new one goes. */
  function removeRow(list: ListName, index: number) {
    const isSaved = index < settings[list].length;
    change((current) => ({
      ...current,
      [list]: isSaved
        ? current[list].map((row, at) => (at === index ? { ...row, isRemoved: true } : row))
        : current[list].filter((_, at) => at !== index),
    }));
    moveFocus(() => document.getElementById(isSaved ? keepButtonId(list, index) : `${list}-add`));
  }

  function keepRow(list: ListName, index: number) {
    change(
      (current) => ({
        ...current,
        [list]: current[list].map((row, at) => (at === index ? { ...row, isRemoved: false } : row)),
      }),
      `${list}.${index}.${list === 'locations' ? 'name' : 'handle'}`,
    );
    moveFocus(() => document.getElementById(removeButtonId(list, index)));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    const parsed = updateWorkspaceSettingsInput.safeParse(settingsInputOf(values));
    if (!parsed.success) {
      const issues = formIssuesOf(values, schemaIssues(parsed.error), false);
      return refuse(splitIssues(issues, settingsFieldNames(values)));
    }
    clear();
    update.mutate(parsed.data);
  }

  const field = (name: string) => {
    const [list, index] = name.split('.');
    const isRemoved =
      (list === 'locations' || list === 'statuses' || list === 'tiers') &&
      values[list][Number(index)]?.isRemoved === true;
    return { id: name, autoComplete: 'off', error: errors.fields[name], readOnly: isRemoved || undefined };
  };

  return (
    <form ref={formRef} className="card form form-narrow" onSubmit={submit} noValidate>
      {isManager ? null : (
        <Alert tone="info">Your role may look at the settings but not change them. Ask an admin.</Alert>
      )}
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <fieldset className="form-section" disabled={!isManager}>
        <legend>Phones, birthdays and money</legend>
        <div className="form-grid">
          <TextField
            {...field('defaultPhoneRegion')}
            label="Default phone region"
            value={values.defaultPhoneRegion}
            onValueChange={(value) =>
              change((current) => ({ ...current, defaultPhoneRegion: value }), 'defaultPhoneRegion')
            }
            hint="A two-letter country code, like AU: phone numbers without a country code are read there."
          />
          <TextField
            {...field('timeZone')}
            label="Time zone"
            required
            spellCheck={false}
            value={values.timeZone}
            onValueChange={(value) => change((current) => ({ ...current, timeZone: value }), 'timeZone')}
            hint="An IANA name, like Australia/Sydney: where “today” is for birthdays."
          />
          <TextField
            {...field('currencies')}
            label="Currencies"
            value={values.currencies}
            onValueChange={(value) => change((current) => ({ ...current, currencies: value }), 'currencies')}
            hint="ISO 4217 codes separated by commas, like AUD, NZD."
          />
        </div>
      </fieldset>

      <fieldset className="form-section" disabled={!isManager}>
        <legend>Source records</legend>
        <div className="form-grid form-grid-fill">
          <TextField
            {...field('sourceRecordsPerProfileMax')}
            label="Source records per profile"
            required
            inputMode="numeric"
            value={values.sourceRecordsPerProfileMax}
            onValueChange={(value) =>
              change(
                (current) => ({ ...current, sourceRecordsPerProfileMax: value }),
                'sourceRecordsPerProfileMax',
              )
            }
            hint={`The most records other systems may keep for one profile: 1 to ${sourceRecordsPerProfileCeiling}.`}
          />
        </div>
      </fieldset>

      <RowList
        title="Locations"
        list="locations"
        addLabel="Add location"
        isManager={isManager}
        count={values.locations.length}
        onAdd={() => addRow('locations')}
        onRemove={(index) => removeRow('locations', index)}
        onKeep={(index) => keepRow('locations', index)}
        isRemoved={(index) => values.locations[index]?.isRemoved === true}
        rowName={(index) => values.locations[index]?.name || `location ${index + 1}`}
        renderRow={(index) => {
          const row = values.locations[index];
          if (!row) return null;
          return (
            <>
              <TextField
                {...field(`locations.${index}.name`)}
                label="Name"
                required
                value={row.name}
                onValueChange={(value) => changeRow('locations', index, 'name', value)}
              />
              <TextField
                {...field(`locations.${index}.externalId`)}
                label="External id"
                value={row.externalId}
                onValueChange={(value) => changeRow('locations', index, 'externalId', value)}
              />
            </>
          );
        }}
      />

      <RowList
        title="Statuses"
        list="statuses"
        addLabel="Add status"
        isManager={isManager}
        count={values.statuses.length}
        onAdd={() => addRow('statuses')}
        onRemove={(index) => removeRow('statuses', index)}
        onKeep={(index) => keepRow('statuses', index)}
        isRemoved={(index) => values.statuses[index]?.isRemoved === true}
        rowName={(index) => values.statuses[index]?.name || `status ${index + 1}`}
        renderRow={(index) => {
          const row = values.statuses[index];
          if (!row) return null;
          return (
            <>
              <TextField
                {...field(`statuses.${index}.handle`)}
                label="Handle"
                required
                spellCheck={false}
                value={row.handle}
                onValueChange={(value) => changeRow('statuses', index, 'handle', value)}
              />
              <TextField
                {...field(`statuses.${index}.name`)}
                label="Name"
                required
                value={row.name}
                onValueChange={(value) => changeRow('statuses', index, 'name', value)}
              />
            </>
          );
        }}
      />

      <RowList
        title="Tiers"
        list="tiers"
        addLabel="Add tier"
        isManager={isManager}
        count={values.tiers.length}
        onAdd={() => addRow('tiers')}
        onRemove={(index) => removeRow('tiers', index)}
        onKeep={(index) => keepRow('tiers', index)}
        isRemoved={(index) => values.tiers[index]?.isRemoved === true}
        rowName={(index) => values.tiers[index]?.name || `tier ${index + 1}`}
        renderRow={(index) => {
          const row = values.tiers[index];
          if (!row) return null;
          return (
            <>
              <TextField
                {...field(`tiers.${index}.handle`)}
                label="Handle"
                required
                spellCheck={false}
                value={row.handle}
                onValueChange={(value) => changeRow('tiers', index, 'handle', value)}
              />
              <TextField
                {...field(`tiers.${index}.name`)}
                label="Name"
                required
                value={row.name}
                onValueChange={(value) => changeRow('tiers', index, 'name', value)}
              />
              <TextField
                {...field(`tiers.${index}.rank`)}
                label="Rank"
                inputMode="numeric"
                value={row.rank}
                onValueChange={(value) => changeRow('tiers', index, 'rank', value)}
              />
            </>
          );
        }}
      />

      {isSaved ? <Alert tone="success">Settings saved.</Alert> : null}
      {isManager ? (
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save settings'}
          </button>
        </div>
      ) : null}
    </form>
  );
}

const removeButtonId = (list: ListName, index: number) => `${list}.${index}-remove`;
const keepButtonId = (list: ListName, index: number) => `${list}.${index}-keep`;

interface RowListProps {
  title: string;
  list: ListName;
  addLabel: string;
  isManager: boolean;
  count: number;
  onAdd: () => void;
  onRemove: (index: number) => void;
  onKeep: (index: number) => void;
  isRemoved: (index: number) => boolean;
  rowName: (index: number) => string;
  renderRow: (index: number) => ReactNode;
}

/** A list of settings edited row by row; each row's fields are labelled within its group. */
function RowList({
  title,
  list,
  addLabel,
  isManager,
  count,
  onAdd,
  onRemove,
  onKeep,
  isRemoved,
  rowName,
  renderRow,
}: RowListProps) {
  return (
    <fieldset className="form-section" disabled={!isManager}>
      <legend>{title}</legend>
      <div className="settings-section">
        {count === 0 ? <p className="muted">None yet.</p> : null}
        {Array.from({ length: count }, (_, index) =>
          isRemoved(index) ? (
            <div
              key={index}
              className="row-fields row-removed"
              role="group"
              aria-label={`${rowName(index)}, removed when you save`}
            >
              {renderRow(index)}
              <div className="row-removed-actions">
                <p className="muted">Removed when you save.</p>
                <button
                  type="button"
                  id={keepButtonId(list, index)}
                  className="button button-small"
                  aria-label={`Keep ${rowName(index)}`}
                  onClick={() => onKeep(index)}
                >
                  Keep
                </button>
              </div>
            </div>
          ) : (
            <div key={index} className="row-fields" role="group" aria-label={rowName(index)}>
              {renderRow(index)}
              {isManager ? (
                <button
                  type="button"
                  id={removeButtonId(list, index)}
                  className="button button-small button-danger-outline"
                  aria-label={`Remove ${rowName(index)}`}
                  onClick={() => onRemove(index)}
                >
                  Remove
                </button>
              ) : null}
            </div>
          ),
        )}
        {isManager ? (
          <div>
            <button type="button" id={`${list}-add`} className="button button-small" onClick={onAdd}>
              {addLabel}
            </button>
          </div>
        ) : null}
      </div>
    </fieldset>
  );
}
