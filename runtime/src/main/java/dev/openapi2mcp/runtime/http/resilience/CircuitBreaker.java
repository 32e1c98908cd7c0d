package dev.openapi2mcp.runtime.http.resilience;

import java.time.Duration;
import java.time.Instant;

/**
 * The circuit breaker of one upstream (issue 5). Closed, it lets every call through and counts consecutive failures;
 * at {@link BreakerPolicy#failureThreshold()} of them it opens. Open, it refuses every call until the cool-down has
 * passed; then it is half-open and lets exactly one trial call through: success closes it, failure opens it for
 * another cool-down. Calls that end neither way (cancelled by the client) release the trial for the next call.
 *
 * <p>Any answer below 500 (4xx included: the API is up, the request was wrong) is a success. Thread-safe: all state
 * changes under one lock, and no I/O happens under it.
 */
final class CircuitBreaker {
  enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  private final String upstream;
  private final BreakerPolicy policy;
  private final TimeSource time;
  private State state = State.CLOSED;
  private int failures;
  private String lastFailure;
  private long openedAt;
  private Instant pausedUntil;
  private boolean trialInFlight;

  /** @param upstream the API as shown in messages, e.g. {@code https://api.example.com:443} */
  CircuitBreaker(String upstream, BreakerPolicy policy, TimeSource time) {
    this.upstream = upstream;
    this.policy = policy;
    this.time = time;
  }

  /**
   * Asks to send a call.
   *
   * @return whether the call is the trial call of a half-open breaker; pass this to the outcome method
   * @throws CircuitOpenException when the call must not be sent
   */
  synchronized boolean acquire() throws CircuitOpenException {
    if (state == State.OPEN) {
      long remaining = policy.coolDown().toNanos() - (time.nanoTime() - openedAt);
      if (remaining > 0) {
        Duration wait = Duration.ofNanos(remaining);
        throw new CircuitOpenException(failing() + "; calls to it are paused until " + pausedUntil
            + ", retry in about " + Durations.format(wait) + ".", wait);
      }
      state = State.HALF_OPEN;
    }
    if (state == State.HALF_OPEN) {
      if (trialInFlight) {
        Duration wait = Duration.ofSeconds(1);
        throw new CircuitOpenException(failing() + "; one trial call is testing whether it has recovered, retry in "
            + "about " + Durations.format(wait) + ".", wait);
      }
      trialInFlight = true;
      return true;
    }
    return false;
  }

  /** The API answered below 500. */
  synchronized void succeeded(boolean trial) {
    state = State.CLOSED;
    failures = 0;
    lastFailure = null;
    if (trial) {
      trialInFlight = false;
    }
  }

  /** The API answered 5xx, could not be reached, or timed out; {@code what} says which, e.g. {@code HTTP 503}. */
  synchronized void failed(boolean trial, String what) {
    failures++;
    lastFailure = what;
    if (trial) {
      trialInFlight = false;
    }
    boolean opens = state == State.HALF_OPEN ? trial
        : state == State.CLOSED && policy.failureThreshold() > 0 && failures >= policy.failureThreshold();
    if (opens) {
      state = State.OPEN;
      openedAt = time.nanoTime();
      pausedUntil = time.now().plus(policy.coolDown());
    }
  }

  /** The call ended without telling anything about the API (cancelled by the client). */
  synchronized void abandoned(boolean trial) {
    if (trial) {
      trialInFlight = false;
    }
  }

  synchronized State state() {
    return state;
  }

  private String failing() {
    return "The API at " + upstream + " is failing (" + failures + (failures == 1 ? " failure" : " failures")
        + " in a row, last: " + lastFailure + ")";
  }
}
