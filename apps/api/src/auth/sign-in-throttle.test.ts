import { describe, expect, it } from 'vitest';
import { SignInThrottle } from './sign-in-throttle.ts';

const at = (ms: number) => new Date(ms);

describe('SignInThrottle', () => {
  it('stops an email after too many failures until its window ends', () => {
    const throttle = new SignInThrottle(60_000, 3, 100);
    for (let attempt = 0; attempt < 3; attempt++) throttle.recordFailure('a@b.c', '10.0.0.1', at(0));
    expect(throttle.retryAfterSeconds('a@b.c', '10.0.0.2', at(1_000))).toBe(59);
    expect(throttle.retryAfterSeconds('other@b.c', '10.0.0.1', at(1_000))).toBe(0);
    expect(throttle.retryAfterSeconds('a@b.c', '10.0.0.2', at(60_000))).toBe(0);
  });

  it('stops an address that tries many emails', () => {
    const throttle = new SignInThrottle(60_000, 100, 2);
    throttle.recordFailure('one@b.c', '10.0.0.1', at(0));
    throttle.recordFailure('two@b.c', '10.0.0.1', at(0));
    expect(throttle.retryAfterSeconds('three@b.c', '10.0.0.1', at(0))).toBe(60);
  });

  it('forgets an email’s failures once it signs in', () => {
    const throttle = new SignInThrottle(60_000, 1, 100);
    throttle.recordFailure('a@b.c', null, at(0));
    throttle.recordSuccess('a@b.c');
    expect(throttle.retryAfterSeconds('a@b.c', null, at(0))).toBe(0);
  });
});
