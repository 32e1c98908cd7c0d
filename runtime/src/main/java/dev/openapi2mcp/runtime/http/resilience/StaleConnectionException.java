package dev.openapi2mcp.runtime.http.resilience;

import java.io.IOException;

/**
 * A pooled connection to the API turned out to be closed by the API, in a way that shows the API did not act on the
 * request, so that sending it again on a fresh connection is safe ({@link StaleConnectionGuard} says when).
 */
public final class StaleConnectionException extends IOException {
  private static final long serialVersionUID = 1L;

  StaleConnectionException(String message, IOException cause) {
    super(message, cause);
  }
}
