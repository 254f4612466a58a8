import type { Actor } from '../context.ts';

/**
 * The members that API tokens acted as in the last few seconds, by token hash, so that a service
 * calling many times a second costs one lookup per token every few seconds rather than one per
 * call. A revoked token, and every token of a member whose role or organization scope changed or
 * who was removed, is evicted at once on this instance, and kept out for `ttlMs` in case a request
 * that looked it up just before the change committed stores it again; other instances honour it
 * until their entry expires.
 */
export class TokenCache {
  readonly #entries = new Map<string, { actor: Actor; expiresAt: number }>();
  readonly #revoked = new Map<string, number>();
  readonly #changedMembers = new Map<string, number>();

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
    const isKeptOut = (keptOut: Map<string, number>, key: string | null) =>
      key !== null && (keptOut.get(key) ?? 0) > now.getTime();
    if (isKeptOut(this.#revoked, actor.tokenId) || isKeptOut(this.#changedMembers, actor.member.id)) return;
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(tokenHash, { actor, expiresAt: now.getTime() + this.ttlMs });
  }

  evictToken(tokenId: string, now: Date): void {
    this.#evict((actor) => actor.tokenId === tokenId, this.#revoked, tokenId, now);
  }

  /** Forgets every token of a member at once: its role or organization scope changed, or it was removed. */
  evictMember(memberId: string, now: Date): void {
    this.#evict((actor) => actor.member.id === memberId, this.#changedMembers, memberId, now);
  }

  #evict(isEvicted: (actor: Actor) => boolean, keptOut: Map<string, number>, key: string, now: Date): void {
    for (const [hash, entry] of this.#entries) if (isEvicted(entry.actor)) this.#entries.delete(hash);
    for (const [id, until] of keptOut) if (until <= now.getTime()) keptOut.delete(id);
    keptOut.set(key, now.getTime() + this.ttlMs);
  }
}
