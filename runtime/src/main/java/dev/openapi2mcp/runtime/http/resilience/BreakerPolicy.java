package dev.openapi2mcp.runtime.http.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * When the circuit breaker of an upstream (issue 5) opens and for how long.
 *
 * @param failureThreshold consecutive failures (5xx answers, connection failures, timeouts) that open it; 0 never
 *     opens it
 * @param coolDown how long calls are refused before one trial call may go through
 */
public record BreakerPolicy(int failureThreshold, Duration coolDown) {

  public BreakerPolicy {
    if (failureThreshold < 0) {
      throw new IllegalArgumentException("failureThreshold must not be negative, got " + failureThreshold);
    }
    Objects.requireNonNull(coolDown, "coolDown");
    if (coolDown.isNegative()) {
      throw new IllegalArgumentException("coolDown must not be negative, got " + coolDown);
    }
  }

  /** Opens after 5 failures in a row, for 30 s. */
  public static BreakerPolicy defaults() {
    return new BreakerPolicy(5, Duration.ofSeconds(30));
  }

  /** A breaker that never opens. */
  public static BreakerPolicy disabled() {
    return new BreakerPolicy(0, Duration.ZERO);
  }
}
