package dev.openapi2mcp.runtime.http;

/**
 * Where audit lines go. Each call is one complete line (no line break inside, none at the end); implementations
 * must accept concurrent calls.
 */
@FunctionalInterface
public interface AuditSink {

  void write(String line);

  /** The default: standard error, which both transports keep free of protocol traffic. */
  static AuditSink stderr() {
    return line -> System.err.println(line);
  }
}
