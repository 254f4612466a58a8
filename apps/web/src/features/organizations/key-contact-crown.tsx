import { useProfileMemberships } from './profile-memberships.ts';

/** The crown of a key contact (reference 004), named for assistive technology. */
export function KeyContactCrown() {
  return (
    <span className="key-contact-crown" title="Key contact">
      <svg role="img" aria-label="Key contact" viewBox="0 0 24 24" width="20" height="20" focusable="false">
        <path fill="currentColor" d="M2.5 8.2 7.4 12 12 4.8l4.6 7.2 4.9-3.8-2 9.3H4.5Zm2 10.8h15v2h-15Z" />
      </svg>
    </span>
  );
}

/** A crown beside a profile's name while it is a key contact in any organization the member sees. */
export function ProfileKeyContactCrown({ profileId }: { profileId: string }) {
  const memberships = useProfileMemberships(profileId);
  const isKeyContact = memberships.data?.items.some((membership) => membership.isKeyContact) ?? false;
  return isKeyContact ? <KeyContactCrown /> : null;
}
