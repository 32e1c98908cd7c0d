package dev.openapi2mcp.runtime.auth;

import java.util.Objects;

/** The outcome of checking one request's credentials (issue 5, inbound auth). */
public sealed interface AuthDecision {

  /**
   * The request may proceed.
   *
   * @param principal who sent it, or null when the server has no inbound auth
   */
  record Allowed(Principal principal) implements AuthDecision {}

  /**
   * The request is refused before the protocol sees it.
   *
   * @param status 401 (no or bad credentials), 403 (valid but without a needed scope) or 503 (the credentials could
   *     not be checked, e.g. the key set is unreachable)
   * @param challenge the {@code WWW-Authenticate} value, or null
   * @param message a short reason for the JSON-RPC error body; it never holds the credential
   */
  record Refused(int status, String challenge, String message) implements AuthDecision {
    public Refused {
      Objects.requireNonNull(message, "message");
    }
  }
}
