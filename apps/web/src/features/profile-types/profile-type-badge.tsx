import { badgeTextColour } from './badge-colour.ts';

interface BadgeSource {
  title: string;
  badgeColor: string | null;
}

/** A profile type's badge in its colour, its text dark or white, whichever reads better on it. */
export function ProfileTypeBadge({ type }: { type: BadgeSource }) {
  const style = type.badgeColor
    ? { background: type.badgeColor, color: badgeTextColour(type.badgeColor) }
    : undefined;
  return (
    <span className="badge type-badge" style={style}>
      {type.title}
    </span>
  );
}

/** The badges of the types a record adopted; nothing when it adopted none. */
export function ProfileTypeBadges({ types }: { types: readonly (BadgeSource & { id: string })[] }) {
  if (types.length === 0) return null;
  return (
    <ul className="chips type-badges" aria-label="Profile types">
      {types.map((type) => (
        <li key={type.id}>
          <ProfileTypeBadge type={type} />
        </li>
      ))}
    </ul>
  );
}
