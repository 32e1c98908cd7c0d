package dev.openapi2mcp.runtime.http;

import java.nio.file.Path;

/**
 * Where audit records go (issue 5). Each call hands over one complete record: a JSON object on one line, without
 * the line break. Implementations must accept concurrent calls and keep records whole (never interleaved).
 */
@FunctionalInterface
public interface AuditSink {

  /** The prefix of audit records on standard error, which separates them from the other lines written there. */
  String STDERR_PREFIX = "audit ";

  void write(String record);

  /**
   * The default: standard error, which both transports keep free of protocol traffic. Each record becomes the line
   * {@code audit {json}}, so that {@code sed -n 's/^audit //p'} extracts the JSON lines from the other log output.
   */
  static AuditSink stderr() {
    return record -> System.err.println(STDERR_PREFIX + record);
  }

  /**
   * A JSON-lines file ({@code --audit-log FILE}): one record per line, nothing else, appended to what the file holds;
   * created when missing. The file is opened here, so that a server that cannot audit does not start.
   *
   * @throws IllegalArgumentException when the file cannot be opened for appending; the message names it and why
   */
  static AuditSink file(Path file) {
    return FileAuditSink.open(file);
  }
}
