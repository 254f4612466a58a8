import { describe, expect, it } from 'vitest';
import { SignInThrottle } from './sign-in-throttle.ts';

const at = (ms: number) => new Date(ms);
const minute = 60 * 1000;
const victim = 'victim@example.com';

/** Tries a wrong password as the sign-in would, and returns the throttle's answer. */
function guess(throttle: SignInThrottle, email: string, ip: string | null, ms: number): number {
  const wait = throttle.retryAfterSeconds(email, ip, at(ms));
  if (wait === 0) throttle.recordFailure(email, ip, at(ms));
  return wait;
}

/** Tries the right password as the sign-in would, and returns the throttle's answer. */
function signIn(throttle: SignInThrottle, email: string, ip: string | null, ms: number): number {
  const wait = throttle.retryAfterSeconds(email, ip, at(ms));
  if (wait === 0) throttle.recordSuccess(email, ip, at(ms));
  return wait;
}

function attackFromManyAddresses(
  throttle: SignInThrottle,
  email: string,
  attempts: number,
  ms: number,
): void {
  for (let attempt = 0; attempt < attempts; attempt++) guess(throttle, email, `203.0.113.${attempt}`, ms);
}

describe('SignInThrottle', () => {
  it('refuses a pair after 10 failures until its window ends, but not the same email from another address', () => {
    const throttle = new SignInThrottle();
    for (let attempt = 0; attempt < 10; attempt++) expect(guess(throttle, victim, '198.51.100.9', 0)).toBe(0);

    expect(throttle.retryAfterSeconds(victim, '198.51.100.9', at(1_000))).toBe(899);
    expect(signIn(throttle, victim, '192.0.2.1', 1_000)).toBe(0);
  });

  it('lets a refused pair try again once its window ends', () => {
    const throttle = new SignInThrottle();
    for (let attempt = 0; attempt < 10; attempt++) guess(throttle, victim, '198.51.100.9', 0);

    expect(signIn(throttle, victim, '198.51.100.9', 15 * minute)).toBe(0);
  });

  it('clears a pair’s failures when it signs in', () => {
    const throttle = new SignInThrottle();
    for (let attempt = 0; attempt < 9; attempt++) guess(throttle, victim, '192.0.2.1', 0);
    signIn(throttle, victim, '192.0.2.1', 0);

    for (let attempt = 0; attempt < 10; attempt++) expect(guess(throttle, victim, '192.0.2.1', 0)).toBe(0);
  });

  it('holds back attempts beyond a pair’s limit while earlier ones are in flight', () => {
    const throttle = new SignInThrottle();
    for (let attempt = 0; attempt < 10; attempt++) {
      expect(throttle.retryAfterSeconds(victim, '198.51.100.9', at(0))).toBe(0);
    }

    expect(throttle.retryAfterSeconds(victim, '198.51.100.9', at(0))).toBe(1);
    for (let attempt = 0; attempt < 10; attempt++) throttle.recordFailure(victim, '198.51.100.9', at(0));
    expect(throttle.retryAfterSeconds(victim, '198.51.100.9', at(0))).toBe(900);
  });

  it('lets the account’s user in from a known address while many addresses attack it', () => {
    const throttle = new SignInThrottle();
    signIn(throttle, victim, '192.0.2.1', 0);

    attackFromManyAddresses(throttle, victim, 200, minute);

    expect(signIn(throttle, victim, '192.0.2.1', minute)).toBe(0);
  });

  it('slows rather than refuses a known address after 10 failures from it', () => {
    const throttle = new SignInThrottle();
    signIn(throttle, victim, '192.0.2.1', 0);
    for (let attempt = 0; attempt < 10; attempt++) guess(throttle, victim, '192.0.2.1', 0);
    attackFromManyAddresses(throttle, victim, 20, 0);

    expect(throttle.retryAfterSeconds(victim, '192.0.2.1', at(1_000))).toBe(59);
    expect(signIn(throttle, victim, '192.0.2.1', minute)).toBe(0);
  });

  it('makes a new address wait at most one slow-down interval while the account is attacked', () => {
    const throttle = new SignInThrottle();
    attackFromManyAddresses(throttle, victim, 20, 0);

    expect(throttle.retryAfterSeconds(victim, '192.0.2.1', at(0))).toBe(60);
    expect(throttle.retryAfterSeconds(victim, '192.0.2.1', at(1_000))).toBe(59);
    expect(signIn(throttle, victim, '192.0.2.1', minute)).toBe(0);
  });

  it('lets one attempt through a slowed account per interval, however many arrive at once', () => {
    const throttle = new SignInThrottle();
    attackFromManyAddresses(throttle, victim, 20, 0);

    expect(throttle.retryAfterSeconds(victim, '198.51.100.1', at(minute))).toBe(0);
    expect(throttle.retryAfterSeconds(victim, '198.51.100.2', at(minute))).toBe(60);
  });

  it('bounds guesses on an account from addresses it has not signed in from to 80 an hour', () => {
    const throttle = new SignInThrottle();
    let passed = 0;
    for (let second = 0; second < 3600; second++) {
      if (guess(throttle, victim, `ip-${second}`, second * 1000) === 0) passed++;
    }

    expect(passed).toBeLessThanOrEqual(80);
    expect(passed).toBeGreaterThan(60);
  });

  it('refills a slowed account after its burst of intervals', () => {
    const throttle = new SignInThrottle();
    attackFromManyAddresses(throttle, victim, 20, 0);

    for (let attempt = 0; attempt < 20; attempt++) {
      expect(guess(throttle, victim, `198.51.100.${attempt}`, 20 * minute)).toBe(0);
    }
  });

  it('lets a member who signed in from a shared address through while it fails 50+ times on other accounts', () => {
    const throttle = new SignInThrottle();
    signIn(throttle, 'member@example.com', '192.0.2.1', 0);

    for (let account = 0; account < 80; account++)
      guess(throttle, `user${account}@example.com`, '192.0.2.1', 0);

    expect(signIn(throttle, 'member@example.com', '192.0.2.1', 1_000)).toBe(0);
  });

  it('makes a first-time member of a shared address under attack wait at most one interval, not refuses them', () => {
    const throttle = new SignInThrottle();
    for (let account = 0; account < 80; account++)
      guess(throttle, `user${account}@example.com`, '192.0.2.1', 0);

    expect(throttle.retryAfterSeconds('newcomer@example.com', '192.0.2.1', at(1_000))).toBe(59);
    expect(signIn(throttle, 'newcomer@example.com', '192.0.2.1', minute)).toBe(0);
  });

  it('does not slow an address where many members sign in for the first time', () => {
    const throttle = new SignInThrottle();
    for (let member = 0; member < 100; member++) {
      expect(signIn(throttle, `member${member}@example.com`, '192.0.2.1', 0)).toBe(0);
    }

    expect(signIn(throttle, 'newcomer@example.com', '192.0.2.1', 0)).toBe(0);
  });

  it('stops knowing an address 30 days after its last sign-in', () => {
    const throttle = new SignInThrottle();
    const thirtyDays = 30 * 24 * 60 * minute;
    signIn(throttle, victim, '192.0.2.1', 0);
    attackFromManyAddresses(throttle, victim, 20, thirtyDays - 1_000);

    expect(throttle.retryAfterSeconds(victim, '192.0.2.1', at(thirtyDays - 1))).toBe(0);
    expect(throttle.retryAfterSeconds(victim, '192.0.2.1', at(thirtyDays))).toBe(59);
  });

  it('treats a missing address as one address', () => {
    const throttle = new SignInThrottle();
    for (let account = 0; account < 50; account++) guess(throttle, `user${account}@example.com`, null, 0);

    expect(throttle.retryAfterSeconds('newcomer@example.com', null, at(0))).toBe(60);
    expect(throttle.retryAfterSeconds('newcomer@example.com', '192.0.2.1', at(0))).toBe(0);
  });

  it('keeps at most maxKeysPerRule keys per rule under a flood of distinct emails and addresses', () => {
    const throttle = new SignInThrottle({ maxKeysPerRule: 100 });
    for (let flood = 0; flood < 10_000; flood++) {
      guess(throttle, `flood${flood}@example.com`, `ip-${flood}`, flood);
      signIn(throttle, `member${flood}@example.com`, `ip-${flood}`, flood);
    }

    expect(throttle.trackedKeyCount).toBeLessThanOrEqual(400);
  });

  it('keeps the limits on an attacked account when a flood of other keys fills its rules', () => {
    const throttle = new SignInThrottle({ maxKeysPerRule: 100 });
    for (let attempt = 0; attempt < 10; attempt++) guess(throttle, victim, '198.51.100.9', 0);
    attackFromManyAddresses(throttle, victim, 10, 0);

    for (let flood = 0; flood < 10_000; flood++)
      guess(throttle, `flood${flood}@example.com`, `ip-${flood}`, flood);

    expect(throttle.retryAfterSeconds(victim, '198.51.100.9', at(10_000))).toBe(890);
    expect(throttle.retryAfterSeconds(victim, '192.0.2.1', at(10_000))).toBe(50);
  });
});
