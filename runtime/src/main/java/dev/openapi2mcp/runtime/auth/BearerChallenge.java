package dev.openapi2mcp.runtime.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code Bearer} scheme of RFC 6750 on the wire: reading the token from {@code Authorization} and writing
 * {@code WWW-Authenticate} challenges (issue 5, inbound auth).
 */
public final class BearerChallenge {
  private final Map<String, String> parameters = new LinkedHashMap<>();

  private BearerChallenge() {}

  public static BearerChallenge bearer() {
    return new BearerChallenge();
  }

  /** Adds an auth-param; null values are left out. Values are quoted strings, escaped as RFC 9110 asks. */
  public BearerChallenge with(String name, String value) {
    if (value != null) {
      parameters.put(name, value);
    }
    return this;
  }

  /** The header value, e.g. {@code Bearer error="invalid_token", resource_metadata="https://…"}. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    parameters.forEach((name, value) -> parts.add(name + "=\"" + quote(value) + "\""));
    return parts.isEmpty() ? "Bearer" : "Bearer " + String.join(", ", parts);
  }

  private static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      // Control characters cannot appear in a header; our values never hold any, but a reason must not break it.
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    return out.toString();
  }

  /**
   * The token of an {@code Authorization: Bearer <token>} header (scheme case-insensitive), or null when the header
   * is absent or uses another scheme.
   */
  public static String token(Function<String, String> headers) {
    String authorization = headers.apply("Authorization");
    if (authorization == null) {
      return null;
    }
    String value = authorization.trim();
    if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = value.substring(7).trim();
    return token.isEmpty() ? null : token;
  }
}
