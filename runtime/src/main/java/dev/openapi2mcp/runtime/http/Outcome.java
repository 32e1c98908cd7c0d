package dev.openapi2mcp.runtime.http;

import java.util.Locale;

/** How a tool call ended, as the audit trail records it. */
enum Outcome {
  /** The API answered 2xx. */
  OK,
  /** The API answered, with a status other than 2xx. */
  UPSTREAM_ERROR,
  /** The arguments were refused before anything was sent. */
  INVALID_ARGUMENTS,
  /** No answer: connection refused, timeout, TLS or DNS failure. */
  NETWORK_ERROR,
  /** A defect in the runtime or in the tool definition (e.g. an inputSchema that is not JSON). */
  INTERNAL_ERROR,
  /** A hand-written tool or a hook threw or reported an error (issue 4). */
  HANDLER_ERROR;

  /** The audit spelling: {@code ok}, {@code upstream_error}, … */
  String auditName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
