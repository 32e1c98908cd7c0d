package dev.openapi2mcp.runtime.auth;

import java.util.Objects;
import java.util.Set;

/**
 * Who an authenticated HTTP request comes from (issue 5, inbound auth).
 *
 * @param name what the audit trail shows as the caller: a token's label such as {@code token:#2}, or a JWT's
 *     subject; never the credential itself
 * @param scopes the scopes the credential grants; empty for static tokens
 */
public record Principal(String name, Set<String> scopes) {

  public Principal {
    Objects.requireNonNull(name, "name");
    scopes = Set.copyOf(scopes);
  }
}
