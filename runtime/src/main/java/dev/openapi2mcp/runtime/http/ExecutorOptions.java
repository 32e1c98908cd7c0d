package dev.openapi2mcp.runtime.http;

import dev.openapi2mcp.runtime.http.resilience.Resilience;
import dev.openapi2mcp.runtime.observability.Tracing;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tuning of a {@link RestToolExecutor}. {@link #defaults()} is what generated servers use; the withers return
 * changed copies.
 *
 * @param maxResponseBytes the most bytes of a response body that are read and returned (default 1 MiB); what is
 *     cut is stated in the result
 * @param connectTimeout time to establish a connection (default 10 s)
 * @param readTimeout longest silence while reading a response (default 60 s)
 * @param callTimeout the whole exchange, from connecting to the end of the body (default 120 s)
 * @param auditSink where audit records go (default {@link AuditSink#stderr()}); closed with the executor when it is
 *     {@link AutoCloseable} (as {@link AuditSink#file} sinks are)
 * @param clock the source of audit timestamps (default UTC system clock)
 * @param fileRoot the directory whose files multipart file parts may name by {@code path} ({@code --file-root}),
 *     or null (the default) when no local file may be read
 * @param maxFileBytes the largest file part or binary body, in bytes (default 32 MiB, {@code --max-file-size})
 * @param resilience retries and circuit breakers toward the API (issue 5; default {@link Resilience#defaults()})
 * @param redactedHeaders names of header parameters whose argument values the audit trail never shows, beyond
 *     those {@link Redactor} always hides (issue 5, {@code --redact-header}); stored lower-case; default none
 * @param tracing spans of tool calls and of their upstream requests (issue 5; default {@link Tracing#NONE})
 * @param keepAlive how long an idle pooled connection to the API is kept before it is closed (default
 *     {@link #DEFAULT_KEEP_ALIVE}, {@code --keep-alive}); shorter than the idle timeout of common servers (Apache
 *     httpd and Node.js close after 5 s), so that a connection is rarely reused after the API closed it; zero keeps
 *     no idle connection
 */
public record ExecutorOptions(
    long maxResponseBytes,
    Duration connectTimeout,
    Duration readTimeout,
    Duration callTimeout,
    AuditSink auditSink,
    Clock clock,
    Path fileRoot,
    long maxFileBytes,
    Resilience resilience,
    Set<String> redactedHeaders,
    Tracing tracing,
    Duration keepAlive) {

  /** 4 s: below the 5 s idle timeout of Apache httpd and Node.js, the shortest common defaults. */
  public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(4);

  public static final long DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
  public static final long DEFAULT_MAX_FILE_BYTES = 32L * 1024 * 1024;

  public ExecutorOptions {
    if (maxResponseBytes < 1) {
      throw new IllegalArgumentException("maxResponseBytes must be positive, got " + maxResponseBytes);
    }
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(callTimeout, "callTimeout");
    Objects.requireNonNull(auditSink, "auditSink");
    Objects.requireNonNull(clock, "clock");
    if (maxFileBytes < 1) {
      throw new IllegalArgumentException("maxFileBytes must be positive, got " + maxFileBytes);
    }
    Objects.requireNonNull(resilience, "resilience");
    redactedHeaders = redactedHeaders.stream().map(name -> name.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
    Objects.requireNonNull(tracing, "tracing");
    Objects.requireNonNull(keepAlive, "keepAlive");
    if (keepAlive.isNegative()) {
      throw new IllegalArgumentException("keepAlive must not be negative, got " + keepAlive);
    }
  }

  /** As the canonical constructor, without extra redacted headers and without tracing. */
  public ExecutorOptions(long maxResponseBytes, Duration connectTimeout, Duration readTimeout, Duration callTimeout,
      AuditSink auditSink, Clock clock, Path fileRoot, long maxFileBytes, Resilience resilience) {
    this(maxResponseBytes, connectTimeout, readTimeout, callTimeout, auditSink, clock, fileRoot, maxFileBytes,
        resilience, Set.of(), Tracing.NONE, DEFAULT_KEEP_ALIVE);
  }

  /** As the canonical constructor, with the default resilience. */
  public ExecutorOptions(long maxResponseBytes, Duration connectTimeout, Duration readTimeout, Duration callTimeout,
      AuditSink auditSink, Clock clock, Path fileRoot, long maxFileBytes) {
    this(maxResponseBytes, connectTimeout, readTimeout, callTimeout, auditSink, clock, fileRoot, maxFileBytes,
        Resilience.defaults());
  }

  public static ExecutorOptions defaults() {
    return new ExecutorOptions(
        DEFAULT_MAX_RESPONSE_BYTES,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        Duration.ofSeconds(120),
        AuditSink.stderr(),
        Clock.systemUTC(),
        null,
        DEFAULT_MAX_FILE_BYTES);
  }

  public ExecutorOptions withMaxResponseBytes(long value) {
    return new ExecutorOptions(value, connectTimeout, readTimeout, callTimeout, auditSink, clock,
        fileRoot, maxFileBytes, resilience, redactedHeaders, tracing, keepAlive);
  }

  public ExecutorOptions withTimeouts(Duration connect, Duration read, Duration call) {
    return new ExecutorOptions(maxResponseBytes, connect, read, call, auditSink, clock,
        fileRoot, maxFileBytes, resilience, redactedHeaders, tracing, keepAlive);
  }

  public ExecutorOptions withAuditSink(AuditSink value) {
    return new ExecutorOptions(maxResponseBytes, connectTimeout, readTimeout, callTimeout, value, clock,
        fileRoot, maxFileBytes, resilience, redactedHeaders, tracing, keepAlive);
  }

  /** Allows file parts to name files inside {@code directory} (null: no local files). */
  public ExecutorOptions withFileRoot(Path directory) {
    return new ExecutorOptions(maxResponseBytes, connectTimeout, readTimeout, callTimeout, auditSink, clock,
        directory, maxFileBytes, resilience, redactedHeaders, tracing, keepAlive);
  }

  public ExecutorOptions withMaxFileBytes(long value) {
    return new ExecutorOptions(maxResponseBytes, connectTimeout, readTimeout, callTimeout, auditSink, clock,
        fileRoot, value, resilience, redactedHeaders, tracing, keepAlive);
  }

  public ExecutorOptions withClock(Clock value) {
    return new ExecutorOptions(maxResponseBytes, connectTimeout, readTimeout, callTimeout, auditSink, value,
        fileRoot, maxFileBytes, resilience, redactedHeaders, tracing, keepAlive);
  }

  /** Other retry and circuit-breaker settings (issue 5). */
  public ExecutorOptions withResilience(Resilience value) {
    return new ExecutorOptions(maxResponseBytes, connectTimeout, readTimeout, callTimeout, auditSink, clock,
        fileRoot, maxFileBytes, value, redactedHeaders, tracing, keepAlive);
  }

  /** Also hides the arguments bound to these header names in the audit trail (issue 5; case is ignored). */
  public ExecutorOptions withRedactedHeaders(Set<String> names) {
    return new ExecutorOptions(maxResponseBytes, connectTimeout, readTimeout, callTimeout, auditSink, clock,
        fileRoot, maxFileBytes, resilience, names, tracing, keepAlive);
  }

  /** Traces tool calls and their upstream requests with {@code value} (issue 5). */
  public ExecutorOptions withTracing(Tracing value) {
    return new ExecutorOptions(maxResponseBytes, connectTimeout, readTimeout, callTimeout, auditSink, clock,
        fileRoot, maxFileBytes, resilience, redactedHeaders, value, keepAlive);
  }

  /** Keeps idle pooled connections for {@code value} before closing them (zero: none is kept). */
  public ExecutorOptions withKeepAlive(Duration value) {
    return new ExecutorOptions(maxResponseBytes, connectTimeout, readTimeout, callTimeout, auditSink, clock,
        fileRoot, maxFileBytes, resilience, redactedHeaders, tracing, value);
  }
}
