export interface SignInThrottleLimits {
  /** How long an email and address pair's failures count. */
  pairWindowMs: number;
  /** Failures after which a pair is refused until its window ends. */
  maxFailuresPerPair: number;
  /** Attempts on one account, from addresses it has not signed in from, let through before it is slowed. */
  accountBurst: number;
  /** Attempts from one address, on accounts that have not signed in from it, let through before it is slowed. */
  addressBurst: number;
  /** How often a slowed account or address lets one more such attempt through. */
  slowDownIntervalMs: number;
  /** How long after a successful sign-in its pair still counts as known. */
  knownPairMs: number;
  /** Keys kept per rule (pairs, accounts, addresses, known pairs). */
  maxKeysPerRule: number;
}

const defaultLimits: SignInThrottleLimits = {
  pairWindowMs: 15 * 60 * 1000,
  maxFailuresPerPair: 10,
  accountBurst: 20,
  addressBurst: 50,
  slowDownIntervalMs: 60 * 1000,
  knownPairMs: 30 * 24 * 60 * 60 * 1000,
  maxKeysPerRule: 20_000,
};

/** Argon2 answers well within a second, so by then the attempts in flight have settled. */
const inFlightRetrySeconds = 1;

/**
 * Bounds password guessing without letting anyone lock a known account or a shared address out.
 * Kept in memory, per instance. With the default limits:
 *
 * - An (email, address) pair is refused for the rest of its 15-minute window once it has 10 failures:
 *   an attacker locks out only himself, and the same email from another address is not refused.
 *   Attempts in flight count too, so parallel requests cannot all pass before the first one fails.
 *   A successful sign-in clears its pair.
 * - A pair with a successful sign-in in the last 30 days is known: the slow-downs below do not apply to
 *   it, and past its 10 failures it is slowed with them rather than refused, so that whoever shares the
 *   address cannot lock the account's user out of it.
 * - Across all the addresses it has not signed in from, an account lets 20 attempts through at once and
 *   then one a minute (a token bucket), so its user waits at most a minute from a new address, and
 *   guessing is bounded at 20 + 60 = 80 wrong passwords in any hour; each address it is known from
 *   adds at most 10 per 15 minutes.
 * - Likewise an address lets 50 attempts through, then one a minute, on accounts that have not signed
 *   in from it: an office or a NAT with a guesser behind it still lets its members in, known ones at
 *   once and first-timers after at most a minute, and one address sprays at most 110 guesses an hour.
 * - A null address is one address.
 *
 * Each rule keeps at most `maxKeysPerRule` keys. When a rule is full, expired keys go first, then the
 * one whose loss gives an attacker least (fewest failures, fullest bucket, oldest sign-in), so a flood
 * of new keys does not reset the limits on an account under attack.
 */
export class SignInThrottle {
  readonly #limits: SignInThrottleLimits;
  readonly #pairs = new Map<string, PairWindow>();
  readonly #knownPairs = new Map<string, number>();
  readonly #accounts: TokenBuckets<string>;
  readonly #addresses: TokenBuckets<string | null>;

  constructor(limits: Partial<SignInThrottleLimits> = {}) {
    this.#limits = { ...defaultLimits, ...limits };
    const { accountBurst, addressBurst, slowDownIntervalMs, maxKeysPerRule } = this.#limits;
    this.#accounts = new TokenBuckets(accountBurst, slowDownIntervalMs, maxKeysPerRule);
    this.#addresses = new TokenBuckets(addressBurst, slowDownIntervalMs, maxKeysPerRule);
  }

  get trackedKeyCount(): number {
    return this.#pairs.size + this.#knownPairs.size + this.#accounts.size + this.#addresses.size;
  }

  /**
   * Seconds to wait before trying again, or 0 if this attempt may go ahead. An attempt let through
   * is counted at once, so settle it with `recordFailure` or `recordSuccess`.
   */
  retryAfterSeconds(email: string, ip: string | null, now: Date): number {
    const at = now.getTime();
    const key = pairKey(email, ip);
    const pair = this.#livePair(key, at);
    const isKnown = this.#isKnown(key, at);
    const isPairSpent =
      pair !== undefined && pair.failures + pair.inFlight >= this.#limits.maxFailuresPerPair;
    if (isPairSpent && !isKnown) {
      return pair.failures >= this.#limits.maxFailuresPerPair
        ? Math.ceil((pair.endsAt - at) / 1000)
        : inFlightRetrySeconds;
    }
    if (!isKnown || isPairSpent) {
      const wait = Math.max(
        this.#accounts.secondsUntilToken(email, at),
        this.#addresses.secondsUntilToken(ip, at),
      );
      if (wait > 0) return wait;
      this.#accounts.take(email, at);
      this.#addresses.take(ip, at);
    }
    if (pair) pair.inFlight++;
    else this.#addPair(key, { failures: 0, inFlight: 1 }, at);
    return 0;
  }

  recordFailure(email: string, ip: string | null, now: Date): void {
    const at = now.getTime();
    const key = pairKey(email, ip);
    const pair = this.#livePair(key, at);
    if (pair) {
      pair.failures++;
      pair.inFlight = Math.max(0, pair.inFlight - 1);
    } else {
      this.#addPair(key, { failures: 1, inFlight: 0 }, at);
    }
  }

  recordSuccess(email: string, ip: string | null, now: Date): void {
    const at = now.getTime();
    const key = pairKey(email, ip);
    if (!this.#isKnown(key, at)) {
      // A right password is no guess: giving its token back keeps a crowd of first sign-ins from one
      // office from slowing that office down.
      this.#accounts.giveBack(email, at);
      this.#addresses.giveBack(ip, at);
    }
    this.#pairs.delete(key);
    if (!this.#knownPairs.has(key)) {
      makeRoom(this.#knownPairs, this.#limits.maxKeysPerRule, (signedInAt) => this.#knownFor(signedInAt, at));
    }
    this.#knownPairs.set(key, at);
  }

  #livePair(key: string, at: number): PairWindow | undefined {
    const pair = this.#pairs.get(key);
    if (pair && pair.endsAt <= at) {
      this.#pairs.delete(key);
      return undefined;
    }
    return pair;
  }

  #addPair(key: string, counts: Omit<PairWindow, 'endsAt'>, at: number): void {
    makeRoom(this.#pairs, this.#limits.maxKeysPerRule, (pair) =>
      pair.endsAt > at ? pair.failures + pair.inFlight : 0,
    );
    this.#pairs.set(key, { ...counts, endsAt: at + this.#limits.pairWindowMs });
  }

  #isKnown(key: string, at: number): boolean {
    const signedInAt = this.#knownPairs.get(key);
    if (signedInAt === undefined) return false;
    if (this.#knownFor(signedInAt, at) > 0) return true;
    this.#knownPairs.delete(key);
    return false;
  }

  #knownFor(signedInAt: number, at: number): number {
    return signedInAt + this.#limits.knownPairMs - at;
  }
}

interface PairWindow {
  failures: number;
  inFlight: number;
  endsAt: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** One bucket per key, holding up to `capacity` attempts and refilled one every `refillMs`; full ones are not kept. */
class TokenBuckets<Key> {
  readonly #buckets = new Map<Key, Bucket>();

  constructor(
    private readonly capacity: number,
    private readonly refillMs: number,
    private readonly maxKeys: number,
  ) {}

  get size(): number {
    return this.#buckets.size;
  }

  secondsUntilToken(key: Key, at: number): number {
    const tokens = this.#tokens(key, at);
    return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) * this.refillMs) / 1000);
  }

  take(key: Key, at: number): void {
    this.#store(key, this.#tokens(key, at) - 1, at);
  }

  giveBack(key: Key, at: number): void {
    this.#store(key, this.#tokens(key, at) + 1, at);
  }

  #tokens(key: Key, at: number): number {
    const bucket = this.#buckets.get(key);
    return bucket ? Math.min(this.capacity, this.#refilled(bucket, at)) : this.capacity;
  }

  #refilled(bucket: Bucket, at: number): number {
    return bucket.tokens + (at - bucket.updatedAt) / this.refillMs;
  }

  #store(key: Key, tokens: number, at: number): void {
    if (tokens >= this.capacity) {
      this.#buckets.delete(key);
      return;
    }
    if (!this.#buckets.has(key)) {
      makeRoom(this.#buckets, this.maxKeys, (bucket) => this.capacity - this.#refilled(bucket, at));
    }
    this.#buckets.set(key, { tokens, updatedAt: at });
  }
}

/**
 * Makes room for one more key: drops every entry no longer worth keeping (worth 0 or less) and, if
 * none was, the one worth least. A scan per new key once full costs little beside the Argon2 check
 * that each attempt pays.
 */
function makeRoom<Key, Value>(
  entries: Map<Key, Value>,
  maxKeys: number,
  worth: (value: Value) => number,
): void {
  if (entries.size < maxKeys) return;
  let cheapest: { key: Key; worth: number } | undefined;
  for (const [key, value] of entries) {
    const valueWorth = worth(value);
    if (valueWorth <= 0) entries.delete(key);
    else if (!cheapest || valueWorth < cheapest.worth) cheapest = { key, worth: valueWorth };
  }
  if (entries.size >= maxKeys && cheapest) entries.delete(cheapest.key);
}

function pairKey(email: string, ip: string | null): string {
  return JSON.stringify([email, ip]);
}
