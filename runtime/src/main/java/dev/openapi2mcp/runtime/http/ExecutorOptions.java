package dev.openapi2mcp.runtime.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of a {@link RestToolExecutor}. {@link #defaults()} is what generated servers use; the withers return
 * changed copies.
 *
 * @param maxResponseBytes the most bytes of a response body that are read and returned (default 1 MiB); what is
 *     cut is stated in the result
 * @param connectTimeout time to establish a connection (default 10 s)
 * @param readTimeout longest silence while reading a response (default 60 s)
 * @param callTimeout the whole exchange, from connecting to the end of the body (default 120 s)
 * @param auditSink where audit lines go (default {@link AuditSink#stderr()})
 * @param clock the source of audit timestamps (default UTC system clock)
 */
public record ExecutorOptions(
    long maxResponseBytes,
    Duration connectTimeout,
    Duration readTimeout,
    Duration callTimeout,
    AuditSink auditSink,
    Clock clock) {

  public static final long DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

  public ExecutorOptions {
    if (maxResponseBytes < 1) {
      throw new IllegalArgumentException("maxResponseBytes must be positive, got " + maxResponseBytes);
    }
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(callTimeout, "callTimeout");
    Objects.requireNonNull(auditSink, "auditSink");
    Objects.requireNonNull(clock, "clock");
  }

  public static ExecutorOptions defaults() {
    return new ExecutorOptions(
        DEFAULT_MAX_RESPONSE_BYTES,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        Duration.ofSeconds(120),
        AuditSink.stderr(),
        Clock.systemUTC());
  }

  public ExecutorOptions withMaxResponseBytes(long value) {
    return new ExecutorOptions(value, connectTimeout, readTimeout, callTimeout, auditSink, clock);
  }

  public ExecutorOptions withTimeouts(Duration connect, Duration read, Duration call) {
    return new ExecutorOptions(maxResponseBytes, connect, read, call, auditSink, clock);
  }

  public ExecutorOptions withAuditSink(AuditSink value) {
    return new ExecutorOptions(maxResponseBytes, connectTimeout, readTimeout, callTimeout, value, clock);
  }

  public ExecutorOptions withClock(Clock value) {
    return new ExecutorOptions(maxResponseBytes, connectTimeout, readTimeout, callTimeout, auditSink, value);
  }
}
