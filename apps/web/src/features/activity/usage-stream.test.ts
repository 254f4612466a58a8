import { describe, expect, it } from 'vitest';
import { streamLength, withArrivedEvent, type UsageEvent } from './usage-stream.ts';

function event(id: string, minute: number): UsageEvent {
  return {
    id,
    organizationId: 'org',
    profileId: 'ada',
    email: 'ada@example.com',
    module: 'Billing',
    activity: 'Open',
    occurredAt: new Date(Date.UTC(2026, 0, 1, 0, minute)),
  };
}

const ids = (page: { items: UsageEvent[] }) => page.items.map((item) => item.id);

describe('withArrivedEvent', () => {
  const page = { items: [event('c', 3), event('b', 2), event('a', 1)], nextCursor: 'more' };

  it('puts a new event at the top', () => {
    expect(ids(withArrivedEvent(page, event('d', 4)))).toEqual(['d', 'c', 'b', 'a']);
  });

  it('puts an event dated earlier in its place by time, then id', () => {
    expect(ids(withArrivedEvent(page, event('bb', 2)))).toEqual(['c', 'bb', 'b', 'a']);
    expect(ids(withArrivedEvent(page, event('0', 0)))).toEqual(['c', 'b', 'a', '0']);
  });

  it('keeps an event it shows already once, and the page as it was', () => {
    expect(withArrivedEvent(page, event('b', 2))).toBe(page);
  });

  it(`shows the newest ${streamLength} at the most`, () => {
    const full = {
      items: Array.from({ length: streamLength }, (_, index) => event(`e${index}`, 100 - index)),
      nextCursor: null,
    };
    const arrived = withArrivedEvent(full, event('new', 200));
    expect(arrived.items).toHaveLength(streamLength);
    expect(arrived.items[0]?.id).toBe('new');
    expect(arrived.items.at(-1)?.id).toBe(`e${streamLength - 2}`);
  });
});
