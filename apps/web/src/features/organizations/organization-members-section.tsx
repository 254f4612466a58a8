import { Missing } from '../../ui/details.tsx';
import { useRef } from 'react';
import { Link } from 'react-router';
import { useMoveFocus } from '../../ui/use-move-focus.ts';
import { AddMembershipField } from './add-membership-field.tsx';
import { KeyContactCrown } from './key-contact-crown.tsx';
import { MembershipFlagCheckbox, membershipErrorOf, useMembershipChanges } from './membership-controls.tsx';
import { OrganizationMemberships } from './organization-memberships.tsx';
import type { Organization } from './organization.values.ts';
import type { Membership } from './profile-memberships.ts';
import { useProfileMatches } from './search-matches.ts';

interface OrganizationMembersSectionProps {
  organization: Organization;
  canEdit: boolean;
}

/**
 * Every profile that belongs to the organization, contact or not: its flags toggled, its
 * membership removed, and a profile that exists already added by searching for it.
 */
export function OrganizationMembersSection({ organization, canEdit }: OrganizationMembersSectionProps) {
  const matches = useProfileMatches();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moveFocus = useMoveFocus();
  const columnCount = canEdit ? 5 : 4;

  return (
    <section className="card" aria-labelledby="organization-members">
      <h2 id="organization-members" ref={headingRef} className="card-title" tabIndex={-1}>
        Members
      </h2>
      <OrganizationMemberships
        organizationId={organization.id}
        contactsOnly={false}
        emptyText="No profile belongs to this organization yet."
        nouns={['member', 'members']}
      >
        {(memberships) => (
          <div className="table-wrap table-wrap-flat">
            <table className="table memberships-table">
              <caption className="visually-hidden">Members of {organization.name}, by name</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Contact</th>
                  <th scope="col">Key contact</th>
                  {canEdit ? (
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {memberships.map((membership) => (
                  <MemberRows
                    key={membership.profileId}
                    membership={membership}
                    canEdit={canEdit}
                    columnCount={columnCount}
                    onRemoved={() => moveFocus(() => headingRef.current)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </OrganizationMemberships>
      {canEdit ? (
        <AddMembershipField
          id="add-member"
          label="Add a profile"
          placeholder="Name or email"
          hint="Search the profiles by name or email, then choose one to add it as a member."
          noMatchText="No profile matches."
          matches={matches}
          membershipOf={(option) => ({ organizationId: organization.id, profileId: option.id })}
          noticeOf={(membership) => `${membership.profile.fullName} was added.`}
        />
      ) : null}
    </section>
  );
}

interface MemberRowsProps {
  membership: Membership;
  canEdit: boolean;
  columnCount: number;
  onRemoved: () => void;
}

/** One member's row, and under it, when a change was refused, why. */
function MemberRows({ membership, canEdit, columnCount, onRemoved }: MemberRowsProps) {
  const changes = useMembershipChanges(membership, onRemoved);
  const { remove, key } = changes;
  const name = membership.profile.fullName;
  const error = membershipErrorOf(changes);
  return (
    <>
      <tr className={error ? 'row-with-error' : undefined}>
        <td>
          <span className="membership-name">
            <Link to={`/profiles/${membership.profileId}`}>{name}</Link>
            {changes.flag('isKeyContact') ? <KeyContactCrown /> : null}
          </span>
        </td>
        <td data-label="Email">{membership.profile.email ?? <Missing />}</td>
        <td data-label="Contact">
          <MembershipFlagCheckbox
            changes={changes}
            flag="isContact"
            name={`${name} is a contact`}
            canEdit={canEdit}
          />
        </td>
        <td data-label="Key contact">
          <MembershipFlagCheckbox
            changes={changes}
            flag="isKeyContact"
            name={`${name} is a key contact`}
            canEdit={canEdit}
          />
        </td>
        {canEdit ? (
          <td className="cell-actions">
            <button
              type="button"
              className="button button-small button-danger-outline"
              aria-label={`Remove ${name} from this organization`}
              aria-disabled={remove.isPending}
              onClick={() => {
                if (!remove.isPending) remove.mutate(key);
              }}
            >
              {remove.isPending ? 'Removing…' : 'Remove'}
            </button>
          </td>
        ) : null}
      </tr>
      {error ? (
        <tr className="row-error">
          <td colSpan={columnCount}>
            <p className="field-error" role="alert">
              {error}
            </p>
          </td>
        </tr>
      ) : null}
    </>
  );
}
