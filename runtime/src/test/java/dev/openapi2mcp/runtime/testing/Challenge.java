package dev.openapi2mcp.runtime.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed {@code WWW-Authenticate} challenge (RFC 9110 §11.6.1): the scheme and its auth-params, quoted strings
 * unescaped, so that tests compare parameters rather than substrings.
 */
public record Challenge(String scheme, Map<String, String> params) {

  public static Challenge parse(String header) {
    String text = header.trim();
    int space = text.indexOf(' ');
    String scheme = space < 0 ? text : text.substring(0, space);
    Map<String, String> params = new LinkedHashMap<>();
    int i = space < 0 ? text.length() : space + 1;
    while (i < text.length()) {
      while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == ',')) {
        i++;
      }
      if (i >= text.length()) {
        break;
      }
      int equals = text.indexOf('=', i);
      if (equals < 0) {
        throw new IllegalArgumentException("not an auth-param at " + i + ": " + header);
      }
      String name = text.substring(i, equals).trim();
      i = equals + 1;
      StringBuilder value = new StringBuilder();
      if (i < text.length() && text.charAt(i) == '"') {
        i++;
        while (i < text.length() && text.charAt(i) != '"') {
          if (text.charAt(i) == '\\') {
            i++;
          }
          value.append(text.charAt(i++));
        }
        i++; // closing quote
      } else {
        while (i < text.length() && text.charAt(i) != ',') {
          value.append(text.charAt(i++));
        }
      }
      if (params.put(name, value.toString().trim()) != null) {
        throw new IllegalArgumentException("parameter " + name + " twice: " + header);
      }
    }
    return new Challenge(scheme, params);
  }
}
