package dev.openapi2mcp.runtime.auth;

import java.util.Optional;
import java.util.function.Function;

/**
 * Checks the credentials of every HTTP request to the MCP endpoint (issue 5, inbound auth). Implementations are
 * thread-safe, never log a credential and never put one into a {@link Principal} or a refusal.
 */
public interface InboundAuth {

  /** No inbound auth: every request is allowed, anonymously. */
  InboundAuth NONE = new InboundAuth() {
    @Override
    public AuthDecision authenticate(Function<String, String> headers) {
      return new AuthDecision.Allowed(null);
    }

    @Override
    public boolean enabled() {
      return false;
    }
  };

  /**
   * Checks one request.
   *
   * @param headers the request's headers by case-insensitive name (null when absent)
   */
  AuthDecision authenticate(Function<String, String> headers);

  /** Whether requests are checked at all; false only for {@link #NONE}. */
  default boolean enabled() {
    return true;
  }

  /** The RFC 9728 protected-resource metadata this mode publishes, if any. */
  default Optional<ProtectedResourceMetadata> metadata() {
    return Optional.empty();
  }
}
