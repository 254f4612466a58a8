import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../../lib/trpc.ts';
import { useDebouncedDraft } from '../../lib/use-debounced-draft.ts';
import type { ComboboxOption, ComboboxStatus } from './search-combobox.tsx';

/** How many matches a search box lists: the best ones. */
const matchLimit = 8;

interface MatchesQuery {
  isFetching: boolean;
  isError: boolean;
  isSuccess: boolean;
}

export interface SearchMatches {
  /** What is in the box, as typed */
  text: string;
  setText: (text: string) => void;
  options: ComboboxOption[];
  status: ComboboxStatus;
}

/** The text a search box holds, and the same text once typing pauses: what is searched. */
function useSearchText() {
  const [searched, setSearched] = useState('');
  const [text, setText] = useDebouncedDraft(searched, setSearched, 200);
  return { text, setText, searched };
}

function statusOf(text: string, searched: string, query: MatchesQuery): ComboboxStatus {
  if (text.trim() === '') return 'idle';
  if (text.trim() !== searched || query.isFetching) return 'searching';
  if (query.isError) return 'failed';
  return query.isSuccess ? 'found' : 'searching';
}

/** People whose name, email or id matches what is typed (`profiles.list` with `q`), best first. */
export function useProfileMatches(): SearchMatches {
  const trpc = useTRPC();
  const { text, setText, searched } = useSearchText();
  const query = useQuery({
    ...trpc.profiles.list.queryOptions({ q: searched, limit: matchLimit }),
    enabled: searched !== '',
    placeholderData: keepPreviousData,
  });
  const options = (query.data?.items ?? []).map((profile) => ({
    id: profile.id,
    label: profile.fullName,
    description: profile.email,
  }));
  return { text, setText, options: text.trim() ? options : [], status: statusOf(text, searched, query) };
}

/**
 * Organizations whose name, external id or domain matches what is typed, best first, but for
 * those in `excludedIds`.
 */
export function useOrganizationMatches(excludedIds: readonly string[] = []): SearchMatches {
  const trpc = useTRPC();
  const { text, setText, searched } = useSearchText();
  const query = useQuery({
    ...trpc.organizations.list.queryOptions({ q: searched, limit: matchLimit }),
    enabled: searched !== '',
    placeholderData: keepPreviousData,
  });
  const options = (query.data?.items ?? [])
    .filter((organization) => !excludedIds.includes(organization.id))
    .map((organization) => ({
      id: organization.id,
      label: organization.name,
      description: organization.domain ?? organization.externalId,
    }));
  return { text, setText, options: text.trim() ? options : [], status: statusOf(text, searched, query) };
}
