import type { Actor } from '../context.ts';

/**
 * The members that API tokens acted as in the last few seconds, by token hash, so that a service
 * calling many times a second costs one lookup per token every few seconds rather than one per
 * call. A revoked token is evicted at once on this instance, and kept out for `ttlMs` in case a
 * request that looked it up just before the revocation committed stores it again; other instances
 * honour it until their entry expires.
 */
export class TokenCache {
  readonly #entries = new Map<string, { actor: Actor; expiresAt: number }>();
  readonly #revoked = new Map<string, number>();

  constructor(
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 10_000,
  ) {}

  get(tokenHash: string, now: Date): Actor | undefined {
    const entry = this.#entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.expiresAt > now.getTime()) return entry.actor;
    this.#entries.delete(tokenHash);
    return undefined;
  }

  set(tokenHash: string, actor: Actor, now: Date): void {
    const revokedUntil = actor.tokenId === null ? undefined : this.#revoked.get(actor.tokenId);
    if (revokedUntil !== undefined && revokedUntil > now.getTime()) return;
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(tokenHash, { actor, expiresAt: now.getTime() + this.ttlMs });
  }

  evictToken(tokenId: string, now: Date): void {
    for (const [hash, entry] of this.#entries)
      if (entry.actor.tokenId === tokenId) this.#entries.delete(hash);
    for (const [id, until] of this.#revoked) if (until <= now.getTime()) this.#revoked.delete(id);
    this.#revoked.set(tokenId, now.getTime() + this.ttlMs);
  }
}
