import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestMember } from '../testing/test-app.ts';
import { acmeWithAda, usageEvent } from './activity.testing.ts';

// Each call runs its own transaction on a connection of its own (the pool holds 16), so these
// clients meet in the database as requests from 16 clients would.
const clients = 16;

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const each = <T>(work: (index: number) => Promise<T>) =>
  Promise.all(Array.from({ length: clients }, (_, index) => work(index)));

const eventsOf = (ids: readonly string[], organizationId: string, profileId: string) =>
  ids.map((id) => usageEvent(id, organizationId, profileId));

async function stored(member: TestMember) {
  return app.database.db
    .selectFrom('usage_events')
    .select(['id', 'email'])
    .where('workspace_id', '=', member.member.workspaceId)
    .execute();
}

describe(`${clients} clients at once`, () => {
  it('sending the same batch store each event once, accepted by one of them', async () => {
    const { owner, acme, ada } = await acmeWithAda(app);
    const ids = Array.from({ length: 50 }, (_, index) => `event-${index}`);
    const answers = await each(() => owner.caller.usage.ingest({ events: eventsOf(ids, acme, ada.id) }));
    expect(answers.reduce((sum, answer) => sum + answer.accepted, 0)).toBe(ids.length);
    for (const id of ids) {
      expect(answers.filter((answer) => answer.duplicates.includes(id))).toHaveLength(clients - 1);
    }
    expect(await stored(owner)).toHaveLength(ids.length);
  });

  it('sending the same events in opposite orders store them once, without a deadlock', async () => {
    const { owner, acme, ada } = await acmeWithAda(app);
    const ids = Array.from({ length: 500 }, (_, index) => `event-${String(index).padStart(3, '0')}`);
    const answers = await each((client) => {
      const batch = client % 2 === 0 ? ids : [...ids].reverse();
      return owner.caller.usage.ingest({ events: eventsOf(batch, acme, ada.id) });
    });
    expect(answers.reduce((sum, answer) => sum + answer.accepted, 0)).toBe(ids.length);
    expect(await stored(owner)).toHaveLength(ids.length);
  });

  it('recording usage while the profile is erased leave no event with its email', async () => {
    const { owner, acme, ada } = await acmeWithAda(app);
    const answers = await Promise.allSettled([
      ...Array.from({ length: clients - 1 }, (_, client) =>
        owner.caller.usage.ingest({ events: eventsOf([`event-${client}`], acme, ada.id) }),
      ),
      owner.caller.profiles.erase({ id: ada.id }),
    ]);
    expect(answers.at(-1)?.status).toBe('fulfilled');
    const events = await stored(owner);
    expect(events.filter((event) => event.email !== null)).toEqual([]);
    expect(events.length).toBe(answers.filter((answer) => answer.status === 'fulfilled').length - 1);
  });
});
