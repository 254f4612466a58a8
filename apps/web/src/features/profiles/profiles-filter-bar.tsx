import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../../lib/trpc.ts';
import { useDebouncedDraft } from '../../lib/use-debounced-draft.ts';
import type { Choice } from './profile-form.fields.ts';
import { activeFilterCount, type ProfilesListParams } from './profiles-list-params.ts';
import { OrganizationFilter, ProfileTypeFilter } from './profiles-segment-filters.tsx';
import { countryChoices, withCurrent } from './use-profile-choices.ts';

type ChangeParams = (changes: Partial<ProfilesListParams>, options?: { replace?: boolean }) => void;

interface ProfilesFilterBarProps {
  params: ProfilesListParams;
  onChange: ChangeParams;
  onReset: () => void;
}

const anyChoice: Choice = { value: '', label: 'Any' };

const lifecycleChoices: readonly Choice[] = [
  { value: '', label: 'All but deleted' },
  { value: 'temporary', label: 'Temporary' },
  { value: 'pending', label: 'Pending' },
  { value: 'active', label: 'Active' },
  { value: 'deleted', label: 'Deleted' },
];

const enabledChoices: readonly Choice[] = [
  anyChoice,
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
];

const countryFilterChoices: readonly Choice[] = [anyChoice, ...countryChoices];

/** The list's filters in one compact row, each kept in the address, and a way back to none. */
export function ProfilesFilterBar({ params, onChange, onReset }: ProfilesFilterBarProps) {
  const trpc = useTRPC();
  const settings = useQuery(trpc.workspaceSettings.get.queryOptions());
  const statusChoices = [
    anyChoice,
    ...withCurrent(
      (settings.data?.statuses ?? []).map((status) => ({ value: status.handle, label: status.name })),
      params.status,
    ),
  ];
  // Typing replaces the history entry, so Back leaves the filter rather than stepping through its letters.
  const commitTag = useCallback((tag: string) => onChange({ tag }, { replace: true }), [onChange]);
  const [tagDraft, setTagDraft] = useDebouncedDraft(params.tag, commitTag);
  const filterCount = activeFilterCount(params);

  return (
    <div className="list-filters">
      <FilterSelect
        name="lifecycle"
        label="Lifecycle"
        value={params.lifecycle}
        options={lifecycleChoices}
        onValueChange={(value) => onChange({ lifecycle: value as ProfilesListParams['lifecycle'] })}
      />
      <FilterSelect
        name="enabled"
        label="Enabled"
        value={params.enabled === null ? '' : String(params.enabled)}
        options={enabledChoices}
        onValueChange={(value) => onChange({ enabled: value === '' ? null : value === 'true' })}
      />
      <FilterSelect
        name="status"
        label="Status"
        value={params.status}
        options={statusChoices}
        onValueChange={(status) => onChange({ status })}
      />
      <div className="field">
        <label htmlFor="profile-filter-tag">Tag</label>
        <input
          id="profile-filter-tag"
          value={tagDraft}
          maxLength={100}
          autoComplete="off"
          onChange={(event) => setTagDraft(event.target.value)}
        />
      </div>
      <FilterSelect
        name="country"
        label="Country"
        value={params.country}
        options={countryFilterChoices}
        onValueChange={(country) => onChange({ country })}
      />
      <FilterDate
        name="created-from"
        label="Created from"
        value={params.createdFrom}
        max={params.createdTo}
        onValueChange={(createdFrom) => onChange({ createdFrom })}
      />
      <FilterDate
        name="created-to"
        label="Created to"
        value={params.createdTo}
        min={params.createdFrom}
        onValueChange={(createdTo) => onChange({ createdTo })}
      />
      <ProfileTypeFilter
        value={params.profileType}
        onValueChange={(profileType) => onChange({ profileType })}
      />
      <OrganizationFilter
        value={params.organization}
        onValueChange={(organization) => onChange({ organization })}
      />
      <button type="button" className="button list-reset" onClick={onReset} disabled={filterCount === 0}>
        Reset filters
        {filterCount > 0 ? (
          <>
            <span className="badge" aria-hidden="true">
              {filterCount}
            </span>
            <span className="visually-hidden"> ({filterCount} active)</span>
          </>
        ) : null}
      </button>
    </div>
  );
}

interface FilterSelectProps {
  name: string;
  label: string;
  value: string;
  options: readonly Choice[];
  onValueChange: (value: string) => void;
}

function FilterSelect({ name, label, value, options, onValueChange }: FilterSelectProps) {
  const id = `profile-filter-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onValueChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface FilterDateProps {
  name: string;
  label: string;
  /** `YYYY-MM-DD`, or '' for none */
  value: string;
  /** The first day that may be chosen, or '' for any */
  min?: string;
  /** The last day that may be chosen, or '' for any */
  max?: string;
  onValueChange: (value: string) => void;
}

function FilterDate({ name, label, value, min, max, onValueChange }: FilterDateProps) {
  const id = `profile-filter-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={value}
        min={min || undefined}
        max={max || undefined}
        onChange={(event) => onValueChange(event.target.value)}
      />
    </div>
  );
}
