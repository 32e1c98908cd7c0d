package dev.openapi2mcp.runtime.http.resilience;

import java.io.IOException;
import java.time.Duration;

/**
 * Thrown instead of sending a request while the circuit breaker of its upstream is open (issue 5). The message is
 * meant for the user: which API, why calls are paused, and when to retry; it holds no credentials. It does not say
 * whether anything was sent: the breaker refuses one attempt, and may do so after retries of the same call were sent
 * (it sits inside the retries), which only the caller knows; {@link #describe(int)} adds that.
 */
public final class CircuitOpenException extends IOException {
  private static final long serialVersionUID = 1L;

  private final Duration retryIn;

  CircuitOpenException(String message, Duration retryIn) {
    super(message);
    this.retryIn = retryIn;
  }

  /**
   * The message for the user, with what was sent of the call this refusal ended.
   *
   * @param sent how many attempts of the call reached the API before the refused one
   */
  public String describe(int sent) {
    return getMessage() + (sent <= 0 ? " No request was sent."
        : " The call was sent " + (sent == 1 ? "once" : sent + " times")
            + " before the breaker opened; the next retry was not sent.");
  }

  /** When a call may be let through again. */
  public Duration retryIn() {
    return retryIn;
  }
}
