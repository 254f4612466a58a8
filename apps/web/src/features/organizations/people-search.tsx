import { useNavigate } from 'react-router';
import { SearchCombobox } from './search-combobox.tsx';
import { useProfileMatches } from './search-matches.ts';

/**
 * The console's search bar (reference 004: "locate users by name, email address, or User ID"):
 * the best matches as one types, each opening its profile; Enter without one chosen opens the
 * profiles list with the search.
 */
export function PeopleSearch() {
  const navigate = useNavigate();
  const matches = useProfileMatches();

  return (
    <search className="people-search" aria-label="People">
      <SearchCombobox
        id="people-search"
        label="Search people"
        isLabelHidden
        placeholder="Search people: name, email or id"
        text={matches.text}
        onTextChange={matches.setText}
        options={matches.options}
        status={matches.status}
        noMatchText="No one matches. Press Enter to search the profiles list."
        onChoose={(option) => {
          matches.setText('');
          void navigate(`/profiles/${option.id}`);
        }}
        onSubmitText={(text) => {
          matches.setText('');
          void navigate(`/profiles?${new URLSearchParams({ q: text }).toString()}`);
        }}
      />
    </search>
  );
}
