import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  TRPCClientError,
} from '@trpc/client';
import { EventSource } from 'eventsource';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '../router.ts';
import { signInOverHttp } from '../testing/raw-http.ts';
import { testPassword } from '../testing/test-app.ts';
import { addMember } from '../testing/victim-workspace.ts';
import { startOtherInstance, startTestServer, type TestServer } from '../testing/test-server.ts';
import { acmeWithAda, usageEvent } from './activity.testing.ts';

/** How long a stream may stay open after its access ended. */
const closeDeadlineMs = 5_000;

let instanceA: TestServer;
let instanceB: { url: string; close(): Promise<void> };

beforeAll(async () => {
  instanceA = await startTestServer();
  instanceB = await startOtherInstance(instanceA);
});
afterAll(async () => {
  await instanceB.close();
  await instanceA.close();
});

/** The official links over HTTP, signed in with an API token or, given `{ cookie }`, a console session. */
function clientOf(url: string, credential: string | { cookie: string }) {
  const authorization: Record<string, string> =
    typeof credential === 'string' ? { authorization: `Bearer ${credential}` } : credential;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: `${url}/trpc`,
          transformer: superjson,
          EventSource,
          eventSourceOptions: {
            fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, ...authorization } }),
          },
        }),
        false: httpBatchLink({ url: `${url}/trpc`, transformer: superjson, headers: authorization }),
      }),
    ],
  });
}

type Client = ReturnType<typeof clientOf>;

/** A stream that records what it delivers and how it closed. */
async function watch(client: Client, input: { organizationId: string } | { profileId: string }) {
  const ids: string[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let subscription: { unsubscribe(): void } | undefined;
  let settle: (closing: unknown) => void = () => undefined;
  const closed = new Promise<unknown>((resolve) => (settle = resolve));
  await new Promise<void>((started, failed) => {
    subscription = client.usage.onEvent.subscribe(input, {
      onStarted: () => started(),
      onData: (event) => {
        ids.push(event.id);
        for (const waiter of waiters.filter((each) => ids.length >= each.count)) waiter.resolve();
      },
      onError: (error) => {
        failed(error);
        settle(error instanceof TRPCClientError ? error.data : error);
      },
      onComplete: () => settle('completed'),
    });
  });
  return {
    ids,
    until: (count: number) =>
      new Promise<void>((resolve) => {
        if (ids.length >= count) resolve();
        else waiters.push({ count, resolve });
      }),
    /** How the stream closed, or `open` if it is still open at the deadline. */
    closing: () =>
      Promise.race([
        closed,
        new Promise((resolve) => setTimeout(() => resolve('open'), closeDeadlineMs).unref()),
      ]).finally(() => subscription?.unsubscribe()),
  };
}

/** A workspace with Acme and Ada, and an agent whose API token streams from instance B. */
async function agentWatchingAcme(role: 'agent' | 'viewer' = 'agent') {
  const { owner, acme, ada } = await acmeWithAda(instanceA.app);
  const agent = await addMember(instanceA.app, owner.member.workspaceId, {
    role,
    email: `${role}@example.com`,
    name: `A ${role}`,
  });
  const ownerOnA = clientOf(instanceA.url, owner.token);
  const ownerOnB = clientOf(instanceB.url, owner.token);
  const event = (id: string) => usageEvent(id, acme, ada.id, 1);
  return { owner, acme, ada, agent, ownerOnA, ownerOnB, event };
}

describe('an open usage stream on another instance', { timeout: 30_000 }, () => {
  it('closes once its API token is revoked, and delivers nothing stored after', async () => {
    const { agent, acme, ownerOnA, ownerOnB, event } = await agentWatchingAcme();
    const stream = await watch(clientOf(instanceB.url, agent.token), { organizationId: acme });
    await ownerOnB.usage.ingest.mutate({ events: [event('before')] });
    await stream.until(1);

    const agentToken = (await ownerOnA.tokens.list.query()).find((token) => token.memberId === agent.id);
    await ownerOnA.tokens.revoke.mutate({ id: agentToken?.id ?? '' });
    await ownerOnB.usage.ingest.mutate({ events: [event('after')] });

    expect(await stream.closing()).toMatchObject({ code: 'UNAUTHORIZED', domainCode: 'UNAUTHENTICATED' });
    expect(stream.ids).toEqual(['before']);
  });

  it('closes once its member is removed, and delivers nothing stored after', async () => {
    const { agent, acme, ownerOnA, ownerOnB, event } = await agentWatchingAcme('viewer');
    const stream = await watch(clientOf(instanceB.url, agent.token), { organizationId: acme });
    await ownerOnB.usage.ingest.mutate({ events: [event('before')] });
    await stream.until(1);

    await ownerOnA.members.remove.mutate({ id: agent.id });
    await ownerOnB.usage.ingest.mutate({ events: [event('after')] });

    expect(await stream.closing()).toMatchObject({ code: 'UNAUTHORIZED', domainCode: 'UNAUTHENTICATED' });
    expect(stream.ids).toEqual(['before']);
  });

  it('closes once its member’s organization scope no longer covers what it watches', async () => {
    const { agent, acme, ada, ownerOnA, ownerOnB, event } = await agentWatchingAcme();
    const globex = (await ownerOnA.organizations.create.mutate({ name: 'Globex' })).id;
    await ownerOnA.members.setOrganizationScope.mutate({ memberId: agent.id, organizationIds: [acme] });
    const ofAcme = await watch(clientOf(instanceB.url, agent.token), { organizationId: acme });
    const ofAda = await watch(clientOf(instanceB.url, agent.token), { profileId: ada.id });
    await ownerOnB.usage.ingest.mutate({ events: [event('before')] });
    await Promise.all([ofAcme.until(1), ofAda.until(1)]);

    await ownerOnA.members.setOrganizationScope.mutate({ memberId: agent.id, organizationIds: [globex] });
    await ownerOnB.usage.ingest.mutate({ events: [event('after')] });

    expect(await ofAcme.closing()).toMatchObject({ code: 'NOT_FOUND', domainCode: 'ORGANIZATION_NOT_FOUND' });
    expect(await ofAda.closing()).toMatchObject({ code: 'NOT_FOUND', domainCode: 'PROFILE_NOT_FOUND' });
    expect([ofAcme.ids, ofAda.ids]).toEqual([['before'], ['before']]);
  });

  it('closes once its console session ends, though nothing is stored', async () => {
    const { owner, acme } = await agentWatchingAcme();
    const cookie = await signInOverHttp(instanceB.url, { email: owner.member.email, password: testPassword });
    const stream = await watch(clientOf(instanceB.url, { cookie }), { organizationId: acme });
    await clientOf(instanceA.url, { cookie }).auth.signOut.mutate();
    expect(await stream.closing()).toMatchObject({ code: 'UNAUTHORIZED', domainCode: 'UNAUTHENTICATED' });
  });

  it('stays open, and delivers, while access holds', async () => {
    const { agent, acme, ownerOnB, event } = await agentWatchingAcme();
    const stream = await watch(clientOf(instanceB.url, agent.token), { organizationId: acme });
    await ownerOnB.usage.ingest.mutate({ events: [event('first'), event('second')] });
    await stream.until(2);
    expect(await stream.closing()).toBe('open');
    expect(stream.ids).toEqual(['first', 'second']);
  });
});
