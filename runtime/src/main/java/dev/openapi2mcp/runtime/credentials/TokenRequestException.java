package dev.openapi2mcp.runtime.credentials;

import java.io.IOException;

/**
 * A token endpoint (OAuth 2.0 client credentials, RFC 8693 token exchange) could not give a token (issue 5). An
 * {@link IOException} so that it ends the upstream call like a network failure: no request reaches the API.
 *
 * <p>Invariant: the message names the token URL and the OAuth error code and description, never a secret or a
 * token.
 */
public final class TokenRequestException extends IOException {
  private static final long serialVersionUID = 1L;

  public TokenRequestException(String message) {
    super(message);
  }
}
