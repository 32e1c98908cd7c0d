package dev.openapi2mcp.runtime.http.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issue 5: durations, rates and Retry-After as users and APIs write them. */
class ParsingTest {

  @Test
  void durationsTakeAUnit() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(Durations.parse(" 2M ")).isEqualTo(Duration.ofMinutes(2));
    assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
    for (String bad : new String[] {"10", "0s", "-1s", "1.5s", "s", "10 sec", ""}) {
      assertThatThrownBy(() -> Durations.parse(bad)).as(bad)
          .hasMessageContaining("'" + bad + "'").hasMessageContaining("500ms");
    }
  }

  @Test
  void durationsAreShownNeverShorterThanTheyAre() {
    assertThat(Durations.format(Duration.ofSeconds(30))).isEqualTo("30 s");
    assertThat(Durations.format(Duration.ofMillis(300))).isEqualTo("0.3 s");
    assertThat(Durations.format(Duration.ofMillis(301))).isEqualTo("0.4 s");
    assertThat(Durations.format(Duration.ofNanos(1))).isEqualTo("0.1 s");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1.5 s");
    assertThat(Durations.format(Duration.ofMillis(59_950))).isEqualTo("60 s");
  }

  @Test
  void ratesNameCallsPerUnitWithAnOptionalBurst() {
    assertThat(RateLimit.parse("50/s")).isEqualTo(new RateLimit(50, Duration.ofSeconds(1), 50));
    assertThat(RateLimit.parse("600/m")).isEqualTo(new RateLimit(600, Duration.ofMinutes(1), 600));
    assertThat(RateLimit.parse("600/min")).isEqualTo(new RateLimit(600, Duration.ofMinutes(1), 600));
    assertThat(RateLimit.parse("1000/h, burst=5")).isEqualTo(new RateLimit(1000, Duration.ofHours(1), 5));
    assertThat(RateLimit.parse("10/s,burst=20").describe()).isEqualTo("10 calls/s");
    assertThat(RateLimit.parse("1/m").describe()).isEqualTo("1 call/min");
    for (String bad : new String[] {"50", "0/s", "50/d", "10/s,burst=0", "ten/s", "10/s,burst"}) {
      assertThatThrownBy(() -> RateLimit.parse(bad)).as(bad)
          .hasMessageContaining("'" + bad + "'").hasMessageContaining("10/s");
    }
  }

  @Test
  void retryAfterIsSecondsOrAnHttpDate() {
    Instant now = Instant.parse("2025-06-01T12:00:00Z");
    assertThat(RetryAfter.parse("7", now)).isEqualTo(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse(" 0 ", now)).isEqualTo(Duration.ZERO);
    assertThat(RetryAfter.parse("Sun, 01 Jun 2025 12:00:42 GMT", now)).isEqualTo(Duration.ofSeconds(42));
    assertThat(RetryAfter.parse("Sun, 01 Jun 2025 11:00:00 GMT", now)).as("in the past").isEqualTo(Duration.ZERO);
    assertThat(RetryAfter.parse(null, now)).isNull();
    assertThat(RetryAfter.parse("soon", now)).isNull();
    assertThat(RetryAfter.parse("-5", now)).isNull();
  }

  @Test
  void backoffDoublesUpToTheCap() {
    RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(700), Duration.ofSeconds(1));
    assertThat(policy.backoffCap(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.backoffCap(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.backoffCap(3)).isEqualTo(Duration.ofMillis(400));
    assertThat(policy.backoffCap(4)).isEqualTo(Duration.ofMillis(700));
    assertThat(policy.backoffCap(60)).isEqualTo(Duration.ofMillis(700));
  }
}
