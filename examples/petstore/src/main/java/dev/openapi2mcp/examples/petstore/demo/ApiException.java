package dev.openapi2mcp.examples.petstore.demo;

import java.util.Map;

/** A request the demo API refuses: becomes a JSON error response with {@link #status()}. */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient Map<String, String> headers;

  ApiException(int status, String message) {
    this(status, message, Map.of());
  }

  ApiException(int status, String message, Map<String, String> headers) {
    super(message);
    this.status = status;
    this.headers = Map.copyOf(headers);
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  static ApiException notFound(String message) {
    return new ApiException(404, message);
  }

  int status() {
    return status;
  }

  /** Headers the error response must carry, e.g. {@code Allow} on 405. */
  Map<String, String> headers() {
    return headers;
  }
}
