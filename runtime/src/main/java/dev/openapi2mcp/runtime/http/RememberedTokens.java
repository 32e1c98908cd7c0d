package dev.openapi2mcp.runtime.http;

import dev.openapi2mcp.runtime.credentials.AccessTokenSource;
import dev.openapi2mcp.runtime.credentials.TokenRequestException;

/**
 * A token source whose tokens are registered with the executor's {@link SecretScrubber} as they are obtained, before
 * any request carries them, so that an API echoing one cannot pass it on. {@link #toString()} shows no token.
 */
final class RememberedTokens implements AccessTokenSource {
  private final AccessTokenSource source;
  private final SecretScrubber scrubber;

  RememberedTokens(AccessTokenSource source, SecretScrubber scrubber) {
    this.source = source;
    this.scrubber = scrubber;
  }

  @Override
  public String token() throws TokenRequestException {
    String token = source.token();
    scrubber.remember(token);
    return token;
  }

  @Override
  public void refused(String token) {
    source.refused(token);
  }

  @Override
  public String toString() {
    return "token source";
  }
}
