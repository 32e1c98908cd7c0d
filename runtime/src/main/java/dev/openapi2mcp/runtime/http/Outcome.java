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
  /** The client cancelled the call while the request was in flight (issue 5); the exchange was aborted. */
  CANCELLED,
  /** Refused by a rate limit before anything was built or sent (issue 5). */
  RATE_LIMITED,
  /** Refused because the circuit breaker of the API is open; nothing was sent (issue 5). */
  CIRCUIT_OPEN,
  /** Retried and still failing, or the API asked to wait longer than a call may (issue 5). */
  RETRIES_EXHAUSTED,
  /** A defect in the runtime or in the tool definition (e.g. an inputSchema that is not JSON). */
  INTERNAL_ERROR,
  /** A hand-written tool or a hook threw or reported an error (issue 4). */
  HANDLER_ERROR,
  /** A destructive tool the user did not confirm ({@code --confirm-destructive}); nothing was sent. */
  NOT_CONFIRMED;

  /** The audit spelling: {@code ok}, {@code upstream_error}, … */
  String auditName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
