import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { messageOf } from '../../lib/api-errors.ts';
import { useTRPC, type RouterOutputs } from '../../lib/trpc.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { DateTime } from '../../ui/date-time.tsx';
import { PageHeading } from '../../ui/page-heading.tsx';
import { EmptyState, LoadError, Loading } from '../../ui/states.tsx';
import { useMoveFocus } from '../../ui/use-move-focus.ts';
import { useCan } from '../auth/session.tsx';
import { CreateTokenForm } from './create-token-form.tsx';
import { NewTokenSecret, type IssuedSecret } from './new-token-secret.tsx';

type Token = RouterOutputs['tokens']['list'][number];

export function TokensPage() {
  useDocumentTitle('API tokens');
  const isManager = useCan('tokens.manage');
  const [issued, setIssued] = useState<IssuedSecret | null>(null);
  const listTitleRef = useRef<HTMLHeadingElement>(null);
  const moveFocus = useMoveFocus();
  const focusList = () => moveFocus(() => listTitleRef.current);

  return (
    <>
      <div className="page-header">
        <PageHeading>API tokens</PageHeading>
      </div>
      <p className="page-intro muted">
        Programs use API tokens to call the Tessera API as the member who made them. Send one as{' '}
        <code>Authorization: Bearer …</code>.
      </p>
      {issued ? (
        <NewTokenSecret
          issued={issued}
          onDone={() => {
            setIssued(null);
            focusList();
          }}
        />
      ) : (
        <CreateTokenForm onCreated={setIssued} />
      )}
      <section aria-labelledby="tokens-title">
        <h2 id="tokens-title" ref={listTitleRef} className="section-title" tabIndex={-1}>
          {isManager ? 'Tokens in this workspace' : 'Your tokens'}
        </h2>
        <TokensTable onRevoked={focusList} />
      </section>
    </>
  );
}

/** The list under its heading; the focus goes to that heading once a token is revoked, as its button is gone. */
function TokensTable({ onRevoked }: { onRevoked: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.tokens.list.queryOptions());
  const [revoking, setRevoking] = useState<Token | null>(null);
  const revoke = useMutation(
    trpc.tokens.revoke.mutationOptions({
      onSuccess: async () => {
        setRevoking(null);
        onRevoked();
        await queryClient.invalidateQueries(trpc.tokens.list.queryFilter());
      },
    }),
  );

  if (tokens.isPending) return <Loading label="Loading tokens…" />;
  if (tokens.isError) {
    return (
      <LoadError
        title="Could not load tokens"
        error={tokens.error}
        onRetry={() => void tokens.refetch()}
        isRetrying={tokens.isFetching}
      />
    );
  }
  if (tokens.data.length === 0) return <EmptyState title="No API tokens yet" />;

  return (
    <>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Owner</th>
              <th scope="col">Token</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((token) => (
              <tr key={token.id} className={token.revokedAt ? 'row-muted' : undefined}>
                <td>
                  {token.name}
                  {token.readOnly ? (
                    <span className="badge badge-muted token-read-only">Read-only</span>
                  ) : null}
                </td>
                <td>{token.memberEmail}</td>
                <td>
                  <code aria-label={`ending in ${token.lastFour}`}>…{token.lastFour}</code>
                </td>
                <td className="nowrap">
                  <DateTime value={token.createdAt} />
                </td>
                <td className="nowrap">
                  {token.lastUsedAt ? (
                    <DateTime value={token.lastUsedAt} />
                  ) : (
                    <span className="muted">Never</span>
                  )}
                </td>
                <td className="nowrap">
                  {token.revokedAt ? (
                    <span className="badge badge-muted">
                      Revoked <DateTime value={token.revokedAt} />
                    </span>
                  ) : (
                    <span className="badge badge-success">Active</span>
                  )}
                </td>
                <td className="cell-actions">
                  {token.revokedAt ? null : (
                    <button
                      type="button"
                      className="button button-small button-danger-outline"
                      aria-label={`Revoke ${token.name}`}
                      onClick={() => {
                        revoke.reset();
                        setRevoking(token);
                      }}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        isOpen={revoking !== null}
        title="Revoke this token?"
        confirmLabel="Revoke token"
        pendingLabel="Revoking…"
        isPending={revoke.isPending}
        error={revoke.isError ? messageOf(revoke.error) : null}
        onConfirm={() => {
          if (revoking) revoke.mutate({ id: revoking.id });
        }}
        onCancel={() => setRevoking(null)}
      >
        <p>
          Programs that use <strong>{revoking?.name}</strong> (ending in {revoking?.lastFour}) will be refused
          from now on. This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
