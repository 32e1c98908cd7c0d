package dev.openapi2mcp.runtime.http.resilience;

import java.io.IOException;
import java.time.Duration;

/**
 * Thrown instead of sending a request while the circuit breaker of its upstream is open (issue 5). The message is
 * meant for the user: which API, why calls are paused, and when to retry; it holds no credentials.
 */
public final class CircuitOpenException extends IOException {
  private static final long serialVersionUID = 1L;

  private final Duration retryIn;

  CircuitOpenException(String message, Duration retryIn) {
    super(message);
    this.retryIn = retryIn;
  }

  /** When a call may be let through again. */
  public Duration retryIn() {
    return retryIn;
  }
}
