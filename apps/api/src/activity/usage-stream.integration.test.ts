import { randomUUID } from 'node:crypto';
import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  TRPCClientError,
} from '@trpc/client';
import type { UsageEventView } from '@tessera/domain';
import { EventSource } from 'eventsource';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '../router.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { acmeWithAda, usageEvent } from './activity.testing.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** The official client links over HTTP, subscriptions as server-sent events, signed in with a token. */
function clientOf(token: string | null) {
  const authorization: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: `${server.url}/trpc`,
          transformer: superjson,
          EventSource,
          eventSourceOptions: {
            fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, ...authorization } }),
          },
        }),
        false: httpBatchLink({ url: `${server.url}/trpc`, transformer: superjson, headers: authorization }),
      }),
    ],
  });
}

type Client = ReturnType<typeof clientOf>;

/** Subscribes, and resolves once the server has started the stream. */
async function watch(client: Client, input: { organizationId: string } | { profileId: string }) {
  const events: UsageEventView[] = [];
  const waiters: (() => void)[] = [];
  let subscription: { unsubscribe(): void } | undefined;
  await new Promise<void>((started, failed) => {
    subscription = client.usage.onEvent.subscribe(input, {
      onStarted: () => started(),
      onData: (event) => {
        events.push(event);
        for (const wake of waiters.splice(0)) wake();
      },
      onError: failed,
    });
  });
  return {
    events,
    /** Resolves once `count` events arrived. */
    until: (count: number) =>
      new Promise<void>((resolve) => {
        if (events.length >= count) resolve();
        else waiters.push(() => (events.length >= count ? resolve() : undefined));
      }),
    stop: () => subscription?.unsubscribe(),
  };
}

describe('usage.onEvent over server-sent events', () => {
  it('delivers each event stored after the stream started, with its time as a Date', async () => {
    const { owner, acme, ada } = await acmeWithAda(server.app);
    const globex = (await owner.caller.organizations.create({ name: 'Globex' })).id;
    await owner.caller.memberships.create({ organizationId: globex, profileId: ada.id });
    const client = clientOf(owner.token);
    const stream = await watch(client, { organizationId: acme });

    const event = (id: string, organizationId: string) =>
      usageEvent(id, organizationId, ada.id, 1, 'Reports');
    await client.usage.ingest.mutate({ events: [event('at-globex', globex), event('first', acme)] });
    await client.usage.ingest.mutate({ events: [event('first', acme), event('second', acme)] });
    await stream.until(2);
    stream.stop();
    expect(stream.events.map((each) => each.id)).toEqual(['first', 'second']);
    expect(stream.events[0]).toEqual({
      id: 'first',
      organizationId: acme,
      profileId: ada.id,
      email: 'ada@example.com',
      module: 'Reports',
      activity: 'Open invoice',
      occurredAt: expect.any(Date) as Date,
    });
  });

  it('refuses a stream to nobody signed in, and of an organization of nobody, with their codes', async () => {
    const owner = await server.app.newWorkspace('master');
    const refusalOf = (client: Client) =>
      new Promise<unknown>((resolve) => {
        const subscription = client.usage.onEvent.subscribe(
          { organizationId: randomUUID() },
          {
            onError: (error) => {
              subscription.unsubscribe();
              expect(error).toBeInstanceOf(TRPCClientError);
              resolve(error.data);
            },
          },
        );
      });
    expect(await refusalOf(clientOf(null))).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await refusalOf(clientOf(owner.token))).toMatchObject({
      code: 'NOT_FOUND',
      domainCode: 'ORGANIZATION_NOT_FOUND',
    });
  });
});
