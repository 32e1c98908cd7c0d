package dev.openapi2mcp.runtime.http.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.openapi2mcp.runtime.testing.FakeTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 5: the breaker's states where real HTTP cannot hold a call in flight on cue. */
class CircuitBreakerStateTest {
  private final FakeTime time = new FakeTime();
  private final CircuitBreaker breaker =
      new CircuitBreaker("https://api.example.com:443", new BreakerPolicy(2, Duration.ofSeconds(10)), time);

  private void open() throws CircuitOpenException {
    for (int i = 0; i < 2; i++) {
      breaker.failed(breaker.acquire(), "HTTP 503");
    }
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
  }

  @Test
  void whileTheTrialCallIsInFlightOtherCallsAreRefused() throws Exception {
    open();
    time.advance(Duration.ofSeconds(10));

    assertThat(breaker.acquire()).as("the trial").isTrue();
    CircuitOpenException refused = catchThrowableOfType(CircuitOpenException.class, breaker::acquire);

    assertThat(refused.getMessage()).isEqualTo("The API at https://api.example.com:443 is failing (2 failures in a "
        + "row, last: HTTP 503); one trial call is testing whether it has recovered, retry in about 1 s.");
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
  }

  @Test
  void aCancelledTrialLetsTheNextCallBeTheTrial() throws Exception {
    open();
    time.advance(Duration.ofSeconds(10));
    breaker.abandoned(breaker.acquire());

    boolean trial = breaker.acquire();
    breaker.succeeded(trial);

    assertThat(trial).isTrue();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breaker.acquire()).as("closed: no trial").isFalse();
  }

  @Test
  void aZeroThresholdNeverOpens() throws Exception {
    CircuitBreaker never = new CircuitBreaker("x", BreakerPolicy.disabled(), time);
    for (int i = 0; i < 100; i++) {
      never.failed(never.acquire(), "timeout");
    }
    assertThat(never.state()).isEqualTo(CircuitBreaker.State.CLOSED);
  }
}
