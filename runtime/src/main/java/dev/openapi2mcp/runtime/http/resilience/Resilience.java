package dev.openapi2mcp.runtime.http.resilience;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import okhttp3.Interceptor;

/**
 * How an executor's HTTP client copes with a failing API (issue 5): retries and circuit breakers, with the time and
 * randomness they use (injectable, so that tests are exact and fast).
 *
 * @param retry the retry policy
 * @param breaker the circuit-breaker policy (one breaker per upstream)
 * @param time wall time, monotonic time and waiting
 * @param random the source of backoff jitter; must be thread-safe
 */
public record Resilience(RetryPolicy retry, BreakerPolicy breaker, TimeSource time, RandomGenerator random) {

  public Resilience {
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(breaker, "breaker");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(random, "random");
  }

  /** Default retries and breaker, the system time and a thread-safe random source. */
  public static Resilience defaults() {
    return new Resilience(RetryPolicy.defaults(), BreakerPolicy.defaults(), TimeSource.system(),
        ThreadLocalRandom.current());
  }

  public Resilience withRetry(RetryPolicy value) {
    return new Resilience(value, breaker, time, random);
  }

  public Resilience withBreaker(BreakerPolicy value) {
    return new Resilience(retry, value, time, random);
  }

  public Resilience withTime(TimeSource value) {
    return new Resilience(retry, breaker, value, random);
  }

  public Resilience withRandom(RandomGenerator value) {
    return new Resilience(retry, breaker, time, value);
  }

  /** The interceptors to install, outermost first: retries around the breaker, so that each attempt counts. */
  public List<Interceptor> interceptors() {
    return List.of(new RetryInterceptor(retry, time, random), new CircuitBreakerInterceptor(breaker, time));
  }
}
