import { useState } from 'react';
import { Link } from 'react-router';
import { useMoveFocus } from '../../ui/use-move-focus.ts';
import { AddContactForm } from './add-contact-form.tsx';
import { KeyContactCrown } from './key-contact-crown.tsx';
import { OrganizationMemberships } from './organization-memberships.tsx';
import type { Organization } from './organization.values.ts';

interface OrganizationContactsSectionProps {
  organization: Organization;
  canEdit: boolean;
}

const addButtonId = 'add-contact';

/**
 * The organization's contacts and key contacts, a crown for the key ones (reference 004: the
 * account's contacts widget; other members are in its members only), and a new contact added here.
 */
export function OrganizationContactsSection({ organization, canEdit }: OrganizationContactsSectionProps) {
  const [isAdding, setIsAdding] = useState(false);
  const [notice, setNotice] = useState('');
  const moveFocus = useMoveFocus();

  function stopAdding() {
    setIsAdding(false);
    moveFocus(() => document.getElementById(addButtonId));
  }

  return (
    <section className="card" aria-labelledby="organization-contacts">
      <h2 id="organization-contacts" className="card-title">
        Contacts
      </h2>
      <OrganizationMemberships
        organizationId={organization.id}
        contactsOnly
        emptyText="No contacts yet. Members marked as contacts or key contacts are listed here."
        nouns={['contact', 'contacts']}
      >
        {(contacts) => (
          <ul className="membership-list" aria-label={`Contacts of ${organization.name}`}>
            {contacts.map((contact) => (
              <li key={contact.profileId}>
                <span className="membership-name">
                  <Link to={`/profiles/${contact.profileId}`}>{contact.profile.fullName}</Link>
                  {contact.isKeyContact ? <KeyContactCrown /> : null}
                </span>
                {contact.profile.email ? <span className="muted">{contact.profile.email}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </OrganizationMemberships>
      <p className="visually-hidden" role="status">
        {notice}
      </p>
      {canEdit ? (
        isAdding ? (
          <AddContactForm
            organizationId={organization.id}
            onAdded={({ profile }) => {
              setNotice(`${profile.fullName} was added as a contact.`);
              stopAdding();
            }}
            onCancel={stopAdding}
          />
        ) : (
          <button
            type="button"
            id={addButtonId}
            className="button section-action"
            onClick={() => {
              setNotice('');
              setIsAdding(true);
              moveFocus(() => document.getElementById('contact-first-name'));
            }}
          >
            Add a contact
          </button>
        )
      ) : null}
    </section>
  );
}
