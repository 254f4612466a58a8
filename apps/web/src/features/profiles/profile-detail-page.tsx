import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { countryByNumericCode } from '@tessera/domain';
import { useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { messageOf } from '../../lib/api-errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { ContactPointsSection } from './contact-points-section.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Alert } from '../../ui/alert.tsx';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { DateTime } from '../../ui/date-time.tsx';
import { Detail, Missing } from '../../ui/details.tsx';
import { PageHeading } from '../../ui/page-heading.tsx';
import { useCan } from '../auth/session.tsx';
import { ActivitySections } from '../activity/activity-sections.tsx';
import { RecordHistorySection } from '../audit/record-history-section.tsx';
import { ProfileKeyContactCrown } from '../organizations/key-contact-crown.tsx';
import { ProfileOrganizationsSection } from '../organizations/profile-organizations-section.tsx';
import { RecordProfileTypesSection } from '../profile-types/record-profile-types-section.tsx';
import { IdentitiesSection } from '../source-records/identities-section.tsx';
import type { FoundRecordState } from '../source-records/identifier-lookup.tsx';
import { SourceRecordsSection } from '../source-records/source-records-section.tsx';
import { SurveyScores } from '../surveys/survey-scores.tsx';
import { dropFromLists, forgetProfile, rememberProfile } from './profile-cache.ts';
import { genderChoices, lifecycleChoices, type Profile } from './profile-form.fields.ts';
import { ProfileLoadState } from './profile-load-state.tsx';
import { TierSelect, tierSelectId, TierValue } from './profile-tier.tsx';
import type { ProfilesListState } from './profiles-list-page.tsx';

export function ProfileDetailPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const profile = useQuery(trpc.profiles.get.queryOptions({ id }));
  useDocumentTitle(profile.data?.fullName ?? 'Profile');

  if (profile.isPending || profile.isError) return <ProfileLoadState query={profile} />;
  return <ProfileDetail profile={profile.data} />;
}

function Chips({ items }: { items: readonly string[] }) {
  if (items.length === 0) return <Missing />;
  return (
    <ul className="chips">
      {items.map((item) => (
        <li key={item} className="badge">
          {item}
        </li>
      ))}
    </ul>
  );
}

type Phone = NonNullable<Profile['mobilePhone']>;

function PhoneValue({ phone }: { phone: Phone | null }) {
  if (!phone) return <Missing />;
  return (
    <>
      <a href={`tel:${phone.e164}`}>{phone.e164}</a>
      <span className="sub-value">
        National {phone.nationalWithPrefix} · calling code +{phone.callingCode}
      </span>
    </>
  );
}

type Location = NonNullable<Profile['preferredLocation']>;

function LocationValue({ location }: { location: Location | null }) {
  if (!location) return <Missing />;
  return (
    <>
      {location.name}
      {location.externalId ? <span className="sub-value">External id {location.externalId}</span> : null}
    </>
  );
}

type Address = Profile['addresses'][number];

function addressLines(address: Address): string[] {
  const country = address.countryNumericCode;
  return [
    address.line1,
    address.line2,
    [address.city, address.region, address.postalCode].filter(Boolean).join(' '),
    country === null ? null : (countryByNumericCode(country)?.name ?? country),
  ].filter((line): line is string => Boolean(line));
}

function AddressValue({ address }: { address: Address }) {
  return (
    <address className="address">
      {address.label ? <strong>{address.label}</strong> : null}
      {addressLines(address).map((line) => (
        <span key={line} className="address-line">
          {line}
        </span>
      ))}
    </address>
  );
}

function days(count: number | null): string | null {
  if (count === null) return null;
  return count === 1 ? '1 day' : `${count} days`;
}

function labelOf(choices: readonly { value: string; label: string }[], value: string | null): string | null {
  if (value === null) return null;
  return choices.find((choice) => choice.value === value)?.label ?? value;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} className="card-title">
        {title}
      </h2>
      <dl className="details">{children}</dl>
    </section>
  );
}

function ProfileDetail({ profile }: { profile: Profile }) {
  const isWriter = useCan('profiles.write');
  const isDeleter = useCan('profiles.delete');
  const isPurger = useCan('profiles.purge');
  const isTierSetter = useCan('profiles.setTier');
  const isSourceRecordWriter = useCan('sourceRecords.write');
  const isSourceRecordReader = useCan('sourceRecords.read');
  const isOrganizationWriter = useCan('organizations.write');
  const foundRecordId = (useLocation().state as FoundRecordState | null)?.foundRecordId;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState<'delete' | 'purge' | null>(null);
  const isDeleted = profile.lifecycle === 'deleted';
  const leave = async (id: string, notice: string) => {
    setConfirming(null);
    const state: ProfilesListState = { notice };
    dropFromLists(queryClient, trpc, id);
    await navigate('/profiles', { state });
    await forgetProfile(queryClient, trpc, id);
  };
  const remove = useMutation(
    trpc.profiles.delete.mutationOptions({
      onSuccess: ({ id }) => leave(id, `${profile.fullName} was deleted.`),
    }),
  );
  const purge = useMutation(
    trpc.profiles.purge.mutationOptions({
      onSuccess: ({ id }) => leave(id, `${profile.fullName} was erased for good.`),
    }),
  );
  const restore = useMutation(
    trpc.profiles.restore.mutationOptions({
      onSuccess: (restored) => rememberProfile(queryClient, trpc, restored),
    }),
  );
  const { country, address } = profile;
  const otherAddresses = profile.addresses.filter(
    (candidate) => candidate !== address && !candidate.isDefault,
  );

  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/profiles">Profiles</Link>
      </nav>
      <div className="page-header">
        <PageHeading>
          {profile.fullName}
          <ProfileKeyContactCrown profileId={profile.id} />
        </PageHeading>
        <div className="page-actions">
          {isWriter && !isDeleted ? (
            <Link className="button button-primary" to={`/profiles/${profile.id}/edit`}>
              Edit
            </Link>
          ) : null}
          {isDeleter && !isDeleted ? (
            <button
              type="button"
              className="button button-danger-outline"
              onClick={() => {
                remove.reset();
                setConfirming('delete');
              }}
            >
              Delete
            </button>
          ) : null}
        </div>
      </div>
      <SurveyScores profileId={profile.id} fullName={profile.fullName} />

      {isDeleted ? (
        <Alert
          tone="warning"
          title="Deleted"
          actions={
            <>
              {isDeleter ? (
                <button
                  type="button"
                  className="button"
                  onClick={() => restore.mutate({ id: profile.id })}
                  disabled={restore.isPending}
                >
                  {restore.isPending ? 'Restoring…' : 'Restore'}
                </button>
              ) : null}
              {isPurger ? (
                <button
                  type="button"
                  className="button button-danger-outline"
                  onClick={() => {
                    purge.reset();
                    setConfirming('purge');
                  }}
                >
                  Erase for good
                </button>
              ) : null}
            </>
          }
        >
          This profile was deleted. It is kept until an admin restores it or erases it for good.
          {restore.isError ? <p className="field-error">{messageOf(restore.error)}</p> : null}
        </Alert>
      ) : null}

      <div className="detail-grid">
        <Section id="profile-identity" title="Identity">
          <Detail term="Full name">{profile.fullName}</Detail>
          <Detail term="Title">{profile.title}</Detail>
          <Detail term="First name">{profile.firstName}</Detail>
          <Detail term="Middle name">{profile.middleName}</Detail>
          <Detail term="Last name">{profile.lastName}</Detail>
          <Detail term="Gender">{labelOf(genderChoices, profile.gender)}</Detail>
          <Detail term="Company">{profile.company}</Detail>
          <Detail term="Occupation">{profile.occupation}</Detail>
          <Detail term="Avatar URL">
            {profile.avatarUrl ? (
              <a href={profile.avatarUrl} rel="noreferrer noopener" target="_blank">
                {profile.avatarUrl}
              </a>
            ) : null}
          </Detail>
        </Section>

        <Section id="profile-contact" title="Contact">
          <Detail term="Email">
            {profile.email ? <a href={`mailto:${profile.email}`}>{profile.email}</a> : null}
          </Detail>
          <Detail term="Mobile phone">
            <PhoneValue phone={profile.mobilePhone} />
          </Detail>
          <Detail term="Secondary phone">
            <PhoneValue phone={profile.secondaryPhone} />
          </Detail>
        </Section>

        <ContactPointsSection profileId={profile.id} canWrite={isWriter && !isDeleted} />

        <IdentitiesSection profileId={profile.id} canWrite={isWriter && !isDeleted} />

        <Section id="profile-birthday" title="Birthday">
          <Detail term="Birth date">{profile.birthDate}</Detail>
          <Detail term="Next birthday">{profile.nextBirthday}</Detail>
          <Detail term="Days until">{days(profile.daysUntilBirthday)}</Detail>
          <Detail term="Days since">{days(profile.daysSinceBirthday)}</Detail>
        </Section>

        <Section id="profile-location" title="Location">
          <Detail term="Country">
            {country ? (
              <>
                {country.name}
                <span className="sub-value">
                  {country.alpha2Code} · {country.alpha3Code} · {country.numericCode}
                </span>
              </>
            ) : null}
          </Detail>
          <Detail term="Region">{country?.regionName}</Detail>
          <Detail term="Preferred location">
            <LocationValue location={profile.preferredLocation} />
          </Detail>
          <Detail term="Joined location">
            <LocationValue location={profile.joinedLocation} />
          </Detail>
          <Detail term="Default address">{address ? <AddressValue address={address} /> : null}</Detail>
          <Detail term="Other addresses">
            {otherAddresses.length > 0
              ? otherAddresses.map((other, index) => <AddressValue key={index} address={other} />)
              : null}
          </Detail>
        </Section>

        <Section id="profile-loyalty" title="Loyalty">
          {isTierSetter && !isDeleted ? (
            <>
              <dt>
                <label htmlFor={tierSelectId}>Tier</label>
              </dt>
              <dd>
                <TierSelect profile={profile} />
              </dd>
            </>
          ) : (
            <Detail term="Tier">{profile.tier ? <TierValue tier={profile.tier} /> : null}</Detail>
          )}
          <Detail term="Currency">{profile.currency}</Detail>
          <Detail term="Joined at">{profile.joinedAt ? <DateTime value={profile.joinedAt} /> : null}</Detail>
          <Detail term="Tags">
            <Chips items={profile.tags} />
          </Detail>
          <Detail term="Statuses">
            <Chips items={profile.statuses} />
          </Detail>
        </Section>

        <Section id="profile-lifecycle" title="Lifecycle">
          <Detail term="Lifecycle">
            {isDeleted ? 'Deleted' : labelOf(lifecycleChoices, profile.lifecycle)}
          </Detail>
          <Detail term="Enabled">{profile.enabled ? 'Yes' : 'No'}</Detail>
          <Detail term="Integration id">
            {profile.integrationUuid ? <code>{profile.integrationUuid}</code> : null}
          </Detail>
        </Section>

        <Section id="profile-record" title="Record">
          <Detail term="Created">
            <DateTime value={profile.createdAt} />
          </Detail>
          <Detail term="Updated">
            <DateTime value={profile.updatedAt} />
          </Detail>
          <Detail term="Version">{profile.version}</Detail>
          <Detail term="Profile ID">
            <code>{profile.id}</code>
          </Detail>
        </Section>
      </div>

      <ProfileOrganizationsSection profileId={profile.id} canEdit={isOrganizationWriter && !isDeleted} />

      <ActivitySections profileId={profile.id} />

      <RecordProfileTypesSection
        objectKind="contacts"
        recordId={profile.id}
        canEdit={isWriter && !isDeleted}
      />

      {isSourceRecordReader ? (
        <SourceRecordsSection
          profileId={profile.id}
          canWrite={isSourceRecordWriter && !isDeleted}
          foundRecordId={foundRecordId}
        />
      ) : null}

      <RecordHistorySection recordKind="profile" recordId={profile.id} />

      <ConfirmDialog
        isOpen={confirming === 'delete'}
        title="Delete this profile?"
        confirmLabel="Delete profile"
        pendingLabel="Deleting…"
        isPending={remove.isPending}
        error={remove.isError ? messageOf(remove.error) : null}
        onConfirm={() => remove.mutate({ id: profile.id })}
        onCancel={() => setConfirming(null)}
      >
        <p>
          <strong>{profile.fullName}</strong> will be deleted for everyone in this workspace. An admin can
          restore it later.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        isOpen={confirming === 'purge'}
        title="Erase this profile for good?"
        confirmLabel="Erase for good"
        pendingLabel="Erasing…"
        isPending={purge.isPending}
        error={purge.isError ? messageOf(purge.error) : null}
        onConfirm={() => purge.mutate({ id: profile.id })}
        onCancel={() => setConfirming(null)}
      >
        <p>
          Everything Tessera holds about <strong>{profile.fullName}</strong> is erased: name, email, phones,
          birthday, addresses, locations, tier, tags, statuses and survey responses. This cannot be undone,
          and it cannot be restored.
        </p>
      </ConfirmDialog>
    </>
  );
}
