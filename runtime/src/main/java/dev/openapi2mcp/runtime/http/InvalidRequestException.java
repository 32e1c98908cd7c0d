package dev.openapi2mcp.runtime.http;

/**
 * An argument passed the schema check but cannot be put on the wire safely (a header value with a line break,
 * a path value that is a dot-segment, a body that is not base64 …). The message names the argument and the
 * reason, is shown to the model, and never contains a credential.
 */
final class InvalidRequestException extends Exception {
  private static final long serialVersionUID = 1L;

  InvalidRequestException(String message) {
    super(message, null, false, false);
  }
}
