package dev.openapi2mcp.runtime.http.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how often a call to the API is repeated (issue 5). Only idempotent methods are retried, on connection
 * failures and on 429, 502, 503 and 504; the wait before retry {@code n} (1-based) is drawn uniformly from
 * {@code [0, min(maxDelay, baseDelay * 2^(n-1))]} ("full jitter"), unless the answer carries {@code Retry-After}.
 *
 * @param maxRetries retries after the first attempt (0: never retry)
 * @param baseDelay the cap of the first backoff
 * @param maxDelay the cap of any backoff
 * @param maxRetryAfter the longest {@code Retry-After} waited for within one call; a longer one ends the call with a
 *     result that says when to retry
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {
  public static final int DEFAULT_RETRIES = 2;

  public RetryPolicy {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative, got " + maxRetries);
    }
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0 || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay and maxRetryAfter >= 0");
    }
  }

  /** 2 retries, backoff from 250 ms up to 4 s, Retry-After honoured up to 30 s. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(DEFAULT_RETRIES, Duration.ofMillis(250), Duration.ofSeconds(4), Duration.ofSeconds(30));
  }

  public RetryPolicy withMaxRetries(int value) {
    return new RetryPolicy(value, baseDelay, maxDelay, maxRetryAfter);
  }

  /** The upper bound of the backoff before retry {@code retry} (1-based). */
  Duration backoffCap(int retry) {
    int doublings = Math.min(retry - 1, 40);
    long nanos = baseDelay.toNanos();
    for (int i = 0; i < doublings && nanos < maxDelay.toNanos(); i++) {
      nanos *= 2;
    }
    return Duration.ofNanos(Math.min(nanos, maxDelay.toNanos()));
  }
}
