/**
 * Failed sign-ins in the last window, by email and by client address, so that nobody can guess
 * passwords or spend the server's memory on Argon2 checks at will. Kept per instance.
 */
export class SignInThrottle {
  readonly #failures = new Map<string, { count: number; windowEndsAt: number }>();

  constructor(
    private readonly windowMs = 15 * 60 * 1000,
    private readonly maxPerEmail = 10,
    private readonly maxPerAddress = 50,
  ) {}

  /** Seconds until this email or address may try again, or 0 if it may now. */
  retryAfterSeconds(email: string, ip: string | null, now: Date): number {
    const waits = [this.#wait(`email:${email}`, this.maxPerEmail, now)];
    if (ip !== null) waits.push(this.#wait(`ip:${ip}`, this.maxPerAddress, now));
    return Math.max(...waits);
  }

  recordFailure(email: string, ip: string | null, now: Date): void {
    this.#count(`email:${email}`, now);
    if (ip !== null) this.#count(`ip:${ip}`, now);
  }

  recordSuccess(email: string): void {
    this.#failures.delete(`email:${email}`);
  }

  #wait(key: string, max: number, now: Date): number {
    const entry = this.#failures.get(key);
    if (!entry || entry.windowEndsAt <= now.getTime() || entry.count < max) return 0;
    return Math.ceil((entry.windowEndsAt - now.getTime()) / 1000);
  }

  #count(key: string, now: Date): void {
    const entry = this.#failures.get(key);
    if (entry && entry.windowEndsAt > now.getTime()) entry.count++;
    else this.#failures.set(key, { count: 1, windowEndsAt: now.getTime() + this.windowMs });
  }
}
