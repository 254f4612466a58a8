import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { messageOf } from '../../lib/api-errors.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Detail } from '../../ui/details.tsx';
import { useMoveFocus } from '../../ui/use-move-focus.ts';

/**
 * How outside systems know the profile (reference 001: identities), from its source records'
 * identifiers. The primary one's identifier is the profile's external id.
 */
export function IdentitiesSection({ profileId, canWrite }: { profileId: string; canWrite: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listKey = trpc.profiles.identities.list.queryKey({ profileId });
  const answer = useQuery(trpc.profiles.identities.list.queryOptions({ profileId }));
  const [notice, setNotice] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moveFocus = useMoveFocus();
  const setPrimary = useMutation(
    trpc.profiles.identities.setPrimary.mutationOptions({
      onSuccess: async (updated, { id }) => {
        queryClient.setQueryData(listKey, updated);
        const primary = updated.identities.find((identity) => identity.id === id);
        setNotice(primary ? `${primary.identifier} from ${primary.handle} is the primary identity now.` : '');
        // The button pressed is gone with the identity it made primary.
        moveFocus(() => headingRef.current);
        await queryClient.invalidateQueries({ queryKey: trpc.profiles.get.queryKey({ id: profileId }) });
      },
    }),
  );
  const identities = answer.data?.identities ?? [];

  return (
    <section className="card" aria-labelledby="profile-identities">
      <h2 id="profile-identities" ref={headingRef} tabIndex={-1} className="card-title">
        Identities
      </h2>
      {answer.isPending ? <p className="muted">Loading…</p> : null}
      {answer.isError ? <p className="field-error">{messageOf(answer.error)}</p> : null}
      {answer.isSuccess ? (
        <dl className="details identities-external-id">
          <Detail term="External id">
            {answer.data.externalId ? <code>{answer.data.externalId}</code> : null}
          </Detail>
        </dl>
      ) : null}
      {answer.isSuccess && identities.length === 0 ? (
        <p className="muted">
          None yet: the identifiers of the profile’s source records become its identities.
        </p>
      ) : null}
      {identities.length > 0 ? (
        <ul className="identities">
          {identities.map((identity) => (
            <li key={identity.id}>
              <span className="identity-value">
                <span className="badge badge-muted">{identity.handle}</span>
                <span className="muted">{identity.type}</span>
                <span>{identity.identifier}</span>
                {identity.isPrimary ? <span className="badge">Primary</span> : null}
              </span>
              {canWrite && !identity.isPrimary ? (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => {
                    if (!setPrimary.isPending) setPrimary.mutate({ profileId, id: identity.id });
                  }}
                  aria-disabled={setPrimary.isPending}
                  aria-label={`Make ${identity.identifier} from ${identity.handle} primary`}
                >
                  Make primary
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="visually-hidden" role="status">
        {notice}
      </p>
      {setPrimary.isError ? <p className="field-error">{messageOf(setPrimary.error)}</p> : null}
    </section>
  );
}
