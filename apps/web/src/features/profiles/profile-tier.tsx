import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { splitError } from '../../lib/field-errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { describedByOf, FieldMessages } from '../../ui/field-frame.tsx';
import { rememberProfile } from './profile-cache.ts';
import type { Profile } from './profile-form.fields.ts';
import { withCurrent } from './use-profile-choices.ts';

type Tier = NonNullable<Profile['tier']>;

/** The id of `TierSelect`'s select, for the label the page gives it */
export const tierSelectId = 'profile-tier';

function TierFacts({ tier }: { tier: Tier }) {
  return (
    <span className="sub-value">
      {tier.handle} · rank {tier.rank}
    </span>
  );
}

/** A tier's name, with its handle and rank beneath. */
export function TierValue({ tier }: { tier: Tier }) {
  return (
    <>
      {tier.name}
      <TierFacts tier={tier} />
    </>
  );
}

/** The profile's tier, for a member who may set it: one of the workspace's tiers, or none. */
export function TierSelect({ profile }: { profile: Profile }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.workspaceSettings.get.queryOptions());
  const current = profile.tier?.handle ?? '';
  const [choice, setChoice] = useState(current);
  const [shownCurrent, setShownCurrent] = useState(current);
  const [isSaved, setIsSaved] = useState(false);
  const setTier = useMutation(
    trpc.profiles.setTier.mutationOptions({
      onSuccess: async (updated) => {
        setIsSaved(true);
        await rememberProfile(queryClient, trpc, updated);
      },
    }),
  );

  // The profile's tier changed elsewhere (or was just saved): the select shows it.
  if (current !== shownCurrent) {
    setShownCurrent(current);
    setChoice(current);
  }

  const tiers = settings.data?.tiers ?? [];
  const choices = withCurrent(
    tiers.map((tier) => ({ value: tier.handle, label: tier.name })),
    current,
  );
  const error = setTier.error ? splitError(setTier.error, ['tier']) : { fields: {}, form: null };
  const message = error.fields.tier ?? error.form ?? undefined;
  const isUnchanged = choice === current;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (isUnchanged || setTier.isPending) return;
    setTier.mutate({ id: profile.id, tier: choice === '' ? null : choice });
  }

  return (
    <>
      <form className="tier-form" onSubmit={submit} noValidate>
        <select
          id={tierSelectId}
          value={choice}
          onChange={(event) => {
            setChoice(event.target.value);
            setIsSaved(false);
            setTier.reset();
          }}
          aria-invalid={message ? true : undefined}
          aria-describedby={describedByOf(tierSelectId, message, undefined)}
        >
          <option value="">No tier</option>
          {choices.map((tier) => (
            <option key={tier.value} value={tier.value}>
              {tier.label}
            </option>
          ))}
        </select>
        <button
          type="submit"
          className="button button-small"
          aria-disabled={isUnchanged || setTier.isPending}
        >
          {setTier.isPending ? 'Setting…' : 'Set tier'}
        </button>
      </form>
      <FieldMessages id={tierSelectId} error={message} />
      {profile.tier ? <TierFacts tier={profile.tier} /> : null}
      <span className="sub-value tier-saved" role="status">
        {isSaved && isUnchanged ? 'Tier set.' : ''}
      </span>
      {settings.isSuccess && tiers.length === 0 ? (
        <span className="field-hint">
          This workspace has no tiers yet; add them in <Link to="/settings">Settings</Link>.
        </span>
      ) : null}
    </>
  );
}
