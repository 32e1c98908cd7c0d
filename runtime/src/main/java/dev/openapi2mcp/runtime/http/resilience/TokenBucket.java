package dev.openapi2mcp.runtime.http.resilience;

/**
 * One token bucket of a {@link RateLimit} (issue 5): it holds up to {@code burst} tokens, gains {@code permits}
 * tokens per period, and each call takes one.
 *
 * <p>The arithmetic is exact: the content is kept in units of one period-nanosecond, so one token is
 * {@code period.toNanos()} units and each elapsed nanosecond adds {@code permits} units. No rounding ever lets a call
 * through early or holds one back late. A monotonic clock going nowhere (or backwards) adds nothing. Thread-safe.
 */
final class TokenBucket {
  private final long unitsPerToken;
  private final long unitsPerNano;
  private final long capacity;
  private long units;
  private long last;

  /** A full bucket, as of {@code now} (nanoseconds of the monotonic clock). */
  TokenBucket(RateLimit limit, long now) {
    this.unitsPerToken = limit.period().toNanos();
    this.unitsPerNano = limit.permits();
    this.capacity = Math.multiplyExact(limit.burst(), unitsPerToken);
    this.units = capacity;
    this.last = now;
  }

  /**
   * Takes one token if there is one.
   *
   * @return 0 when a token was taken; otherwise the nanoseconds until one will be there (at least 1)
   */
  synchronized long tryTake(long now) {
    refill(now);
    if (units >= unitsPerToken) {
      units -= unitsPerToken;
      return 0;
    }
    long missing = unitsPerToken - units;
    return Math.max(1, (missing + unitsPerNano - 1) / unitsPerNano);
  }

  /** Puts back a token taken for a call that was then refused elsewhere. */
  synchronized void giveBack(long now) {
    refill(now);
    units = Math.min(capacity, units + unitsPerToken);
  }

  /** Whether the bucket is full, i.e. indistinguishable from a new one. */
  synchronized boolean isFull(long now) {
    refill(now);
    return units == capacity;
  }

  private void refill(long now) {
    long elapsed = now - last;
    if (elapsed <= 0) {
      return;
    }
    last = now;
    long room = capacity - units;
    // Compare before multiplying: a long quiet spell must not overflow.
    units = elapsed >= (room + unitsPerNano - 1) / unitsPerNano ? capacity : units + elapsed * unitsPerNano;
  }
}
