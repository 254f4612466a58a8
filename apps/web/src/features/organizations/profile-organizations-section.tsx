import { Link } from 'react-router';
import { messageOf } from '../../lib/api-errors.ts';
import { AddMembershipField } from './add-membership-field.tsx';
import { KeyContactCrown } from './key-contact-crown.tsx';
import { MembershipFlagCheckbox, membershipErrorOf, useMembershipChanges } from './membership-controls.tsx';
import { MembershipAttributesEditor } from './membership-attributes-editor.tsx';
import { useProfileMemberships, type Membership } from './profile-memberships.ts';
import { useOrganizationMatches } from './search-matches.ts';

interface ProfileOrganizationsSectionProps {
  profileId: string;
  /** Whether the member may change the profile's memberships */
  canEdit: boolean;
}

/**
 * The organizations a profile belongs to (reference 004: accounts), each expanded to show and
 * edit what the profile is there: contact, key contact, its attributes; and more added.
 */
export function ProfileOrganizationsSection({ profileId, canEdit }: ProfileOrganizationsSectionProps) {
  const memberships = useProfileMemberships(profileId);
  const items = memberships.data?.items ?? [];
  const matches = useOrganizationMatches(items.map((membership) => membership.organizationId));

  return (
    <section className="card" aria-labelledby="profile-organizations">
      <h2 id="profile-organizations" className="card-title">
        Organizations
      </h2>
      {memberships.isPending ? <p className="muted">Loading…</p> : null}
      {memberships.isError ? <p className="field-error">{messageOf(memberships.error)}</p> : null}
      {memberships.isSuccess && items.length === 0 ? (
        <p className="muted">This profile belongs to no organization yet.</p>
      ) : null}
      {items.length > 0 ? (
        <ul className="profile-memberships">
          {items.map((membership) => (
            <li key={membership.organizationId}>
              <MembershipPanel membership={membership} canEdit={canEdit} />
            </li>
          ))}
        </ul>
      ) : null}
      {memberships.data?.nextCursor ? (
        <p className="field-hint">Showing the first {items.length} organizations, by name.</p>
      ) : null}
      {canEdit ? (
        <AddMembershipField
          id="add-organization"
          label="Add to an organization"
          placeholder="Name, external id or domain"
          hint="Search the organizations, then choose one to add this profile to it."
          noMatchText="No other organization matches."
          matches={matches}
          membershipOf={(option) => ({ organizationId: option.id, profileId })}
          noticeOf={(membership) => `Added to ${membership.organization.name}.`}
        />
      ) : null}
    </section>
  );
}

function MembershipPanel({ membership, canEdit }: { membership: Membership; canEdit: boolean }) {
  const changes = useMembershipChanges(membership);
  const { remove, key } = changes;
  const { organization } = membership;
  const attributeCount = Object.keys(membership.attributes).length;
  const error = membershipErrorOf(changes);
  return (
    <details className="membership-panel">
      <summary>
        <span className="membership-summary">
          <span className="membership-summary-name">{organization.name}</span>
          {changes.flag('isKeyContact') ? <KeyContactCrown /> : null}
          {changes.flag('isContact') ? <span className="badge">Contact</span> : null}
          <span className="muted">
            {attributeCount === 1 ? '1 attribute' : `${attributeCount} attributes`}
          </span>
        </span>
      </summary>
      <div className="membership-panel-body">
        <div className="membership-panel-row">
          <Link to={`/organizations/${organization.id}`}>Open {organization.name}</Link>
          {canEdit ? (
            <button
              type="button"
              className="button button-small button-danger-outline"
              aria-disabled={remove.isPending}
              onClick={() => {
                if (!remove.isPending) remove.mutate(key);
              }}
            >
              {remove.isPending ? 'Removing…' : `Remove from ${organization.name}`}
            </button>
          ) : null}
        </div>
        <fieldset className="membership-flags">
          <legend className="visually-hidden">Flags in {organization.name}</legend>
          <MembershipFlagCheckbox changes={changes} flag="isContact" canEdit={canEdit} />
          <MembershipFlagCheckbox changes={changes} flag="isKeyContact" canEdit={canEdit} />
        </fieldset>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <MembershipAttributesEditor membership={membership} canEdit={canEdit} />
      </div>
    </details>
  );
}
