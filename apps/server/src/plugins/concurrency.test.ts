import { afterEach, describe, expect, it, vi } from 'vitest';
import { Limiter } from './concurrency.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('Limiter', () => {
  it('runs `inFlight` at once, queues `queue` more, sheds the rest at once, and hands each freed slot to the longest waiter', async () => {
    const limiter = new Limiter({ inFlight: 2, queue: 2, waitMs: 60_000 });
    expect(await Promise.all([limiter.acquire(), limiter.acquire()])).toEqual([true, true]);
    const order: string[] = [];
    const first = limiter.acquire().then((granted) => order.push(`first:${granted}`));
    const second = limiter.acquire().then((granted) => order.push(`second:${granted}`));
    expect(await limiter.acquire()).toBe(false);
    expect([limiter.inFlight, limiter.queued, limiter.shed]).toEqual([2, 2, 1]);

    limiter.release();
    await first;
    expect(order).toEqual(['first:true']);
    expect([limiter.inFlight, limiter.queued]).toEqual([2, 1]);
    limiter.release();
    await second;
    expect(order).toEqual(['first:true', 'second:true']);
    for (let i = 0; i < 2; i++) limiter.release();
    expect([limiter.inFlight, limiter.queued]).toEqual([0, 0]);
    expect(await limiter.acquire()).toBe(true);
  });

  it('sheds a request that waited its longest, and the slot it did not get goes to the next one', async () => {
    vi.useFakeTimers();
    const limiter = new Limiter({ inFlight: 1, queue: 5, waitMs: 1_000 });
    expect(await limiter.acquire()).toBe(true);
    const early = limiter.acquire();
    await vi.advanceTimersByTimeAsync(600);
    const late = limiter.acquire();
    await vi.advanceTimersByTimeAsync(500);
    expect(await early).toBe(false);
    expect([limiter.queued, limiter.shed]).toEqual([1, 1]);
    limiter.release();
    expect(await late).toBe(true);
    expect([limiter.inFlight, limiter.queued]).toEqual([1, 0]);
  });
});
