// Tether's own request budget, shared by every caller of one engine: a token bucket (ctk's default:
// 20 a minute, bursts of 20). Unlike ctk, which fails at once when the bucket is empty, a request
// waits its turn — up to a bound, then fails with a sentence that says what to do.
import { AtlassianError } from './atlassian-error.ts';

export interface RateLimiterOptions {
  /** Requests per minute; 0 turns the budget off. */
  perMinute: number;
  /** Bucket size (bursts); defaults to perMinute. */
  burst?: number;
  /** How many requests may wait at once before new ones are refused. */
  maxQueue?: number;
  /** The longest a request may be made to wait. */
  maxWaitMs?: number;
  now?: () => number;
}

export class RateLimiter {
  private tokens: number;
  private last: number;
  private readonly queue: { resolve: () => void; reject: (e: Error) => void; timer?: NodeJS.Timeout }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly capacity: number;
  private readonly refillPerMs: number;
  private readonly maxQueue: number;
  private readonly maxWaitMs: number;
  private readonly now: () => number;

  /** Requests this budget let through (with it off too): the host's summary counts them. */
  granted = 0;

  constructor(private readonly options: RateLimiterOptions) {
    this.capacity = options.burst ?? options.perMinute;
    this.refillPerMs = options.perMinute / 60_000;
    this.maxQueue = options.maxQueue ?? Math.max(10, options.perMinute * 2);
    this.maxWaitMs = options.maxWaitMs ?? 120_000;
    this.now = options.now ?? Date.now;
    this.tokens = this.capacity;
    this.last = this.now();
  }

  get enabled(): boolean {
    return this.options.perMinute > 0;
  }

  /** Requests waiting right now (for status and tests). */
  get waiting(): number {
    return this.queue.length;
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.refillPerMs);
    this.last = now;
  }

  /** Resolves when the request may go; rejects when the wait would be too long. */
  acquire(): Promise<void> {
    return this.take().then(() => {
      this.granted += 1;
    });
  }

  private take(): Promise<void> {
    if (!this.enabled) return Promise.resolve();
    this.refill();
    if (this.queue.length === 0 && this.tokens >= 1) {
      this.tokens -= 1;
      return Promise.resolve();
    }
    const position = this.queue.length + 1;
    const waitMs = (position - this.tokens) / this.refillPerMs;
    if (this.queue.length >= this.maxQueue || waitMs > this.maxWaitMs) {
      return Promise.reject(
        new AtlassianError(
          'rate_limit',
          `Tether's request budget (${this.options.perMinute} requests a minute) is used up and ${this.queue.length} requests are already waiting: try again in a minute, or raise the budget with TETHER_RATE_LIMIT_PER_MINUTE (0 turns it off).`,
        ),
      );
    }
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.timer || this.queue.length === 0) return;
    this.refill();
    const delay = Math.max(0, Math.ceil((1 - this.tokens) / this.refillPerMs));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refill();
      while (this.queue.length > 0 && this.tokens >= 1) {
        this.tokens -= 1;
        this.queue.shift()!.resolve();
      }
      this.schedule();
    }, delay);
    this.timer.unref?.();
  }
}
