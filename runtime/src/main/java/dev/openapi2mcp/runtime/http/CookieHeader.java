package dev.openapi2mcp.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import java.util.ArrayList;
import java.util.List;

/**
 * The one {@code Cookie} header of a request, assembled from separate {@code name=value} pairs (RFC 6265 section
 * 4.2.1): cookie parameters, the pairs of a header argument named {@code Cookie}, and apiKey cookies.
 *
 * <p>Invariants: every pair has a name of RFC 7230 token characters and a value of RFC 6265 cookie-octets, so that
 * no value can start another pair ({@code ;}) or be split by servers that still read {@code ,} as a separator;
 * each name comes from one owner only ({@link ReservedNames}); a credential's pair replaces any pair of its name
 * and comes last.
 */
final class CookieHeader {
  private final ReservedNames names;
  private final List<String> pairs = new ArrayList<>();

  CookieHeader(ReservedNames names) {
    this.names = names;
  }

  /** Adds the pairs of a cookie parameter; its values are percent-encoded, so they hold no delimiter. */
  void addParameter(ParameterBinding parameter, JsonNode value) throws InvalidRequestException {
    for (String pair : ParameterSerializer.cookiePairs(parameter, value)) {
      String name = pair.substring(0, pair.indexOf('='));
      names.claim(parameter.argument(), parameter.name(), PercentDecoder.decode(name));
      pairs.add(pair);
    }
  }

  /**
   * Adds the pairs of a header argument named {@code Cookie}, given as {@code a=b; c=d} text.
   *
   * @throws InvalidRequestException when a piece is not a name=value pair of cookie characters, or its name is
   *     sent by another owner
   */
  void addHeaderText(ParameterBinding parameter, String text) throws InvalidRequestException {
    for (String piece : text.split(";", -1)) {
      String pair = piece.strip();
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      if (equals <= 0 || !isToken(pair.substring(0, equals)) || !isCookieValue(pair.substring(equals + 1))) {
        throw new InvalidRequestException(parameter.argument() + ": header '" + parameter.name()
            + "' must be name=value pairs separated by '; ', with values of cookie characters (no space, comma, "
            + "backslash or stray quote); " + JsonText.quote(pair) + " is not one");
      }
      names.claim(parameter.argument(), null, pair.substring(0, equals));
      pairs.add(pair);
    }
  }

  /** Sets an apiKey cookie: it replaces any pair of the same name. */
  void setCredential(String name, String secret) {
    String prefix = PercentEncoder.encode(name) + "=";
    pairs.removeIf(pair -> pair.regionMatches(true, 0, prefix, 0, prefix.length()));
    pairs.add(prefix + PercentEncoder.encode(secret));
  }

  /** The header value, or null when there is no pair. */
  String value() {
    return pairs.isEmpty() ? null : String.join("; ", pairs);
  }

  /** RFC 7230 section 3.2.6 tchar. */
  private static boolean isToken(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alphanumeric && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** RFC 6265 section 4.1.1: cookie-octets, optionally in one pair of double quotes. */
  private static boolean isCookieValue(String value) {
    String inner = value;
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      inner = value.substring(1, value.length() - 1);
    }
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c < 0x21 || c > 0x7e || c == '"' || c == ',' || c == ';' || c == '\\') {
        return false;
      }
    }
    return true;
  }
}
