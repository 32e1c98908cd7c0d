package dev.openapi2mcp.runtime.http.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 5: the token bucket behind the rate limits counts exactly, with no rounding either way. */
class TokenBucketTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void aFullBucketLetsTheBurstThroughThenSaysHowLongToWait() {
    TokenBucket bucket = new TokenBucket(new RateLimit(10, Duration.ofSeconds(1), 3), 0);

    assertThat(bucket.tryTake(0)).isZero();
    assertThat(bucket.tryTake(0)).isZero();
    assertThat(bucket.tryTake(0)).isZero();
    assertThat(bucket.tryTake(0)).isEqualTo(SECOND / 10);
    assertThat(bucket.tryTake(SECOND / 10 - 1)).as("one nanosecond early").isEqualTo(1);
    assertThat(bucket.tryTake(SECOND / 10)).as("exactly on time").isZero();
    assertThat(bucket.tryTake(SECOND / 10)).isEqualTo(SECOND / 10);
  }

  @Test
  void ratesThatDoNotDivideASecondStayExact() {
    // 3 per second: a token every 333,333,333.33 ns. Three tokens must take exactly one second, not 999,999,999 ns.
    TokenBucket bucket = new TokenBucket(new RateLimit(3, Duration.ofSeconds(1), 3), 0);
    for (int i = 0; i < 3; i++) {
      assertThat(bucket.tryTake(0)).isZero();
    }
    assertThat(bucket.tryTake(0)).isEqualTo(333_333_334L);
    assertThat(bucket.tryTake(333_333_333L)).isEqualTo(1);
    assertThat(bucket.tryTake(333_333_334L)).isZero();
    assertThat(bucket.tryTake(666_666_666L)).isEqualTo(1);
    assertThat(bucket.tryTake(666_666_667L)).isZero();
    assertThat(bucket.tryTake(SECOND - 1)).isEqualTo(1);
    assertThat(bucket.tryTake(SECOND)).isZero();
  }

  @Test
  void theBurstCapsWhatAccruesWhileFull() {
    TokenBucket bucket = new TokenBucket(new RateLimit(3, Duration.ofSeconds(1), 1), 0);
    assertThat(bucket.tryTake(0)).isZero();
    // Full again at 333,333,334 ns with 2 units to spare; the spare is lost, as it would be in a bucket of one.
    assertThat(bucket.isFull(400_000_000L)).isTrue();
    assertThat(bucket.tryTake(400_000_000L)).isZero();
    assertThat(bucket.tryTake(400_000_000L)).isEqualTo(333_333_334L);
  }

  @Test
  void aQuietSpellRefillsOnlyUpToTheBurstAndNeverOverflows() {
    TokenBucket bucket = new TokenBucket(new RateLimit(1_000_000, Duration.ofSeconds(1), 2), 0);
    bucket.tryTake(0);
    bucket.tryTake(0);
    long muchLater = Long.MAX_VALUE / 2;
    assertThat(bucket.isFull(muchLater)).isTrue();
    assertThat(bucket.tryTake(muchLater)).isZero();
    assertThat(bucket.tryTake(muchLater)).isZero();
    assertThat(bucket.tryTake(muchLater)).isPositive();
  }

  @Test
  void aClockGoingBackwardsAddsNothing() {
    TokenBucket bucket = new TokenBucket(new RateLimit(1, Duration.ofSeconds(1), 1), 5 * SECOND);
    assertThat(bucket.tryTake(5 * SECOND)).isZero();
    assertThat(bucket.tryTake(0)).isEqualTo(SECOND);
    assertThat(bucket.tryTake(6 * SECOND)).isZero();
  }

  @Test
  void aTokenGivenBackCanBeTakenAgainButNotBeyondTheBurst() {
    TokenBucket bucket = new TokenBucket(new RateLimit(1, Duration.ofMinutes(1), 1), 0);
    assertThat(bucket.tryTake(0)).isZero();
    bucket.giveBack(0);
    assertThat(bucket.tryTake(0)).isZero();
    bucket.giveBack(0);
    bucket.giveBack(0);
    assertThat(bucket.isFull(0)).isTrue();
    assertThat(bucket.tryTake(0)).isZero();
    assertThat(bucket.tryTake(0)).isEqualTo(60 * SECOND);
  }
}
