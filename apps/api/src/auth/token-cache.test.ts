import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.ts';
import { TokenCache } from './token-cache.ts';

const actor = (tokenId: string, memberId = 'm'): Actor => ({
  member: {
    workspaceId: 'w',
    id: memberId,
    email: 'a@b.c',
    name: 'A',
    role: 'admin',
    workspaceSlug: 'w',
    workspaceName: 'W',
  },
  sessionId: null,
  tokenId,
});
const at = (ms: number) => new Date(ms);

describe('TokenCache', () => {
  it('remembers a token until its entry expires', () => {
    const cache = new TokenCache(1000);
    cache.set('h1', actor('t1'), at(0));
    expect(cache.get('h1', at(999))?.tokenId).toBe('t1');
    expect(cache.get('h1', at(1000))).toBeUndefined();
  });

  it('forgets a revoked token at once', () => {
    const cache = new TokenCache(1000);
    cache.set('h1', actor('t1'), at(0));
    cache.set('h2', actor('t2'), at(0));
    cache.evictToken('t1', at(0));
    expect(cache.get('h1', at(1))).toBeUndefined();
    expect(cache.get('h2', at(1))?.tokenId).toBe('t2');
  });

  it('keeps a revoked token out when a lookup made before the revocation stores it again', () => {
    const cache = new TokenCache(1000);
    cache.evictToken('t1', at(0));
    cache.set('h1', actor('t1'), at(10));
    expect(cache.get('h1', at(11))).toBeUndefined();
    cache.set('h1', actor('t1'), at(1000));
    expect(cache.get('h1', at(1001))?.tokenId).toBe('t1');
  });

  it('forgets every token of a member whose role changed, and keeps them out for a while', () => {
    const cache = new TokenCache(1000);
    cache.set('h1', actor('t1', 'm1'), at(0));
    cache.set('h2', actor('t2', 'm1'), at(0));
    cache.set('h3', actor('t3', 'm2'), at(0));
    cache.evictMember('m1', at(5));
    expect(cache.get('h1', at(6))).toBeUndefined();
    expect(cache.get('h2', at(6))).toBeUndefined();
    expect(cache.get('h3', at(6))?.tokenId).toBe('t3');
    cache.set('h1', actor('t1', 'm1'), at(10));
    expect(cache.get('h1', at(11))).toBeUndefined();
    cache.set('h1', actor('t1', 'm1'), at(1005));
    expect(cache.get('h1', at(1006))?.tokenId).toBe('t1');
  });

  it('drops the oldest entry when full', () => {
    const cache = new TokenCache(1000, 2);
    for (const id of ['1', '2', '3']) cache.set(`h${id}`, actor(`t${id}`), at(0));
    expect(cache.get('h1', at(1))).toBeUndefined();
    expect(cache.get('h3', at(1))?.tokenId).toBe('t3');
  });
});
