package dev.openapi2mcp.runtime.testing;

import dev.openapi2mcp.runtime.http.resilience.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Time that moves only when told: {@link #advance} and {@link #sleep} (which also records the wait), so that tests
 * of retries, breakers and rate limits never wait and their arithmetic is exact.
 */
public final class FakeTime implements TimeSource {
  private final Instant start;
  private long offsetNanos;
  private final List<Duration> sleeps = new ArrayList<>();

  public FakeTime(Instant start) {
    this.start = start;
  }

  public FakeTime() {
    this(Instant.parse("2025-06-01T12:00:00Z"));
  }

  @Override
  public synchronized Instant now() {
    return start.plusNanos(offsetNanos);
  }

  @Override
  public synchronized long nanoTime() {
    return offsetNanos;
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    offsetNanos += duration.toNanos();
  }

  public synchronized void advance(Duration duration) {
    offsetNanos += duration.toNanos();
  }

  /** The waits asked for so far, in order. */
  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
