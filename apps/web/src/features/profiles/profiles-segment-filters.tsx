import { useQuery } from '@tanstack/react-query';
import { hasDomainCode } from '../../lib/api-errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { SearchCombobox } from '../organizations/search-combobox.tsx';
import { useOrganizationMatches } from '../organizations/search-matches.ts';

interface SegmentFilterProps {
  /** The id chosen, or '' for any */
  value: string;
  onValueChange: (value: string) => void;
}

/** The profile types profiles adopt, to list those that adopted one. */
export function ProfileTypeFilter({ value, onValueChange }: SegmentFilterProps) {
  const trpc = useTRPC();
  const types = useQuery(trpc.profileTypes.list.queryOptions({ objectKind: 'contacts' }));
  const id = 'profile-filter-profile-type';
  const isKnown = value === '' || (types.data ?? []).some((type) => type.id === value);
  return (
    <div className="field">
      <label htmlFor={id}>Profile type</label>
      <select
        id={id}
        value={value}
        disabled={types.isPending}
        aria-describedby={types.isError ? `${id}-error` : undefined}
        onChange={(event) => onValueChange(event.target.value)}
      >
        <option value="">{types.isPending ? 'Loading…' : 'Any'}</option>
        {(types.data ?? []).map((type) => (
          <option key={type.id} value={type.id}>
            {type.title}
          </option>
        ))}
        {!isKnown && types.isSuccess ? <option value={value}>Unknown profile type</option> : null}
      </select>
      {types.isError ? (
        <p id={`${id}-error`} className="field-error">
          Types did not load.{' '}
          <button type="button" className="button button-small" onClick={() => void types.refetch()}>
            Retry
          </button>
        </p>
      ) : null}
    </div>
  );
}

/** A search for an organization, to list its members; once chosen, its name and a way to clear it. */
export function OrganizationFilter({ value, onValueChange }: SegmentFilterProps) {
  const trpc = useTRPC();
  const matches = useOrganizationMatches();
  const chosen = useQuery({
    ...trpc.organizations.get.queryOptions({ id: value }),
    enabled: value !== '',
  });
  const id = 'profile-filter-organization';
  if (value === '') {
    return (
      <SearchCombobox
        id={id}
        label="Organization"
        placeholder="Any"
        text={matches.text}
        onTextChange={matches.setText}
        options={matches.options}
        status={matches.status}
        noMatchText="No organization matches"
        onChoose={(option) => {
          matches.setText('');
          onValueChange(option.id);
        }}
      />
    );
  }
  const isGone = chosen.isError && hasDomainCode(chosen.error, 'ORGANIZATION_NOT_FOUND');
  const name = chosen.data?.name ?? (isGone ? 'Unknown organization' : chosen.isError ? '' : 'Loading…');
  return (
    <div className="field">
      <span className="field-label" id={`${id}-label`}>
        Organization
      </span>
      <div className="chosen-filter" role="group" aria-labelledby={`${id}-label`}>
        <span className="chosen-filter-name" title={name}>
          {name}
          {chosen.isError && !isGone ? (
            <button type="button" className="button button-small" onClick={() => void chosen.refetch()}>
              Did not load: retry
            </button>
          ) : null}
        </span>
        <button
          type="button"
          className="button chosen-filter-clear"
          aria-label={`Any organization (clear ${name || 'the organization'})`}
          onClick={() => onValueChange('')}
        >
          ×
        </button>
      </div>
    </div>
  );
}
