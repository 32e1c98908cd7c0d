package dev.openapi2mcp.runtime.http.resilience;

import java.time.Duration;
import java.time.Instant;

/**
 * The time the resilience parts of issue 5 (retries, circuit breaker, rate limits) read and spend: wall time for the
 * instants shown to users, a monotonic clock for measuring, and waiting. {@link #system()} is the real one; tests
 * pass a fake whose {@link #sleep} only advances it, so that no test waits and arithmetic is exact.
 */
public interface TimeSource {

  /** The wall-clock time, for instants shown in messages and for HTTP-date headers. */
  Instant now();

  /** A monotonic reading in nanoseconds; only differences between readings mean anything. */
  long nanoTime();

  /** Waits for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /** The system clock (UTC), {@link System#nanoTime()} and {@link Thread#sleep}. */
  static TimeSource system() {
    return SystemTime.INSTANCE;
  }

  /** The real time. */
  enum SystemTime implements TimeSource {
    INSTANCE;

    @Override
    public Instant now() {
      return Instant.now();
    }

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
    }
  }
}
