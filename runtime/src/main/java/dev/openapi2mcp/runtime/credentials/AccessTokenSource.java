package dev.openapi2mcp.runtime.credentials;

/**
 * Gives the access token for an upstream request, obtaining it when needed (issue 5). Implementations are
 * thread-safe.
 */
public interface AccessTokenSource {

  /**
   * A token that is valid now, from the cache or newly obtained.
   *
   * @throws TokenRequestException when no token can be obtained; the message names the token URL and the error
   */
  String token() throws TokenRequestException;

  /** The API refused {@code token} (401): forget it, so that the next {@link #token()} obtains another. */
  void refused(String token);
}
