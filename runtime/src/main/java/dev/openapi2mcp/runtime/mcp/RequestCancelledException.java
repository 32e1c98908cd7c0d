package dev.openapi2mcp.runtime.mcp;

/**
 * Ends a request the client cancelled with {@code notifications/cancelled}: the server sends no response for it,
 * as the spec asks (issue 5).
 */
final class RequestCancelledException extends RuntimeException {
  RequestCancelledException() {
    super("cancelled by the client", null, false, false);
  }
}
