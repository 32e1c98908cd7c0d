package dev.openapi2mcp.runtime.http;

import dev.openapi2mcp.runtime.credentials.AccessTokenSource;

/**
 * The tag of a request whose bearer token is obtained when it is sent (issue 5: OAuth client credentials, token
 * exchange); {@link UpstreamTokenInterceptor} puts the token in. {@link #toString()} shows no token.
 */
record UpstreamToken(AccessTokenSource source) {
  @Override
  public String toString() {
    return "upstream token";
  }
}
