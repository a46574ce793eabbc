import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimiter } from '../../../../src-main/core/atlassian/http/rate-limiter.ts';

describe('RateLimiter (token bucket, queue with a bound)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('lets a burst of `perMinute` through at once, then one every 60/perMinute seconds', async () => {
    const limiter = new RateLimiter({ perMinute: 20, now: () => Date.now() });
    const granted: number[] = [];
    const start = Date.now();
    const all = Array.from({ length: 23 }, () => limiter.acquire().then(() => granted.push(Date.now() - start)));
    await vi.advanceTimersByTimeAsync(0);
    expect(granted).toHaveLength(20);
    expect(limiter.waiting).toBe(3);
    await vi.advanceTimersByTimeAsync(3000);
    expect(granted).toHaveLength(21);
    await vi.advanceTimersByTimeAsync(6000);
    await Promise.all(all);
    expect(granted.slice(20)).toEqual([3000, 6000, 9000]);
  });

  it('refuses at once, with what to do, when the queue is full', async () => {
    const limiter = new RateLimiter({ perMinute: 2, maxQueue: 1, now: () => Date.now() });
    await limiter.acquire();
    await limiter.acquire();
    const waiting = limiter.acquire();
    await expect(limiter.acquire()).rejects.toThrow(/request budget \(2 requests a minute\) is used up and 1 requests are already waiting: try again in a minute, or raise the budget with TETHER_RATE_LIMIT_PER_MINUTE/);
    await vi.advanceTimersByTimeAsync(30_000);
    await expect(waiting).resolves.toBeUndefined();
  });

  it('refuses a wait longer than the bound', async () => {
    const limiter = new RateLimiter({ perMinute: 1, maxQueue: 100, maxWaitMs: 90_000, now: () => Date.now() });
    await limiter.acquire();
    const second = limiter.acquire(); // 60 s: fine
    await expect(limiter.acquire()).rejects.toThrow(/used up/); // 120 s: too long
    await vi.advanceTimersByTimeAsync(60_000);
    await expect(second).resolves.toBeUndefined();
  });

  it('0 a minute turns the budget off', async () => {
    const limiter = new RateLimiter({ perMinute: 0 });
    await Promise.all(Array.from({ length: 1000 }, () => limiter.acquire()));
    expect(limiter.enabled).toBe(false);
  });
});
