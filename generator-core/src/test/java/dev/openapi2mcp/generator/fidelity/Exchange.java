package dev.openapi2mcp.generator.fidelity;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP request exactly as the runtime put it on the wire, and the mock's answer to it.
 *
 * @param method the request method
 * @param target the request target as sent (path and query, still percent-encoded, base path included)
 * @param requestHeaders the request header lines {@code name: value}, in order
 * @param requestBody the request body bytes (de-chunked)
 * @param status the response status code, or 0 when no answer came
 * @param responseHeaders the response header lines, in order
 * @param responseBody the response body bytes
 */
record Exchange(
    String method,
    String target,
    List<String> requestHeaders,
    byte[] requestBody,
    int status,
    List<String> responseHeaders,
    byte[] responseBody) {

  Exchange {
    requestHeaders = List.copyOf(requestHeaders);
    responseHeaders = List.copyOf(responseHeaders);
  }

  /** The first value of a response header, case-insensitively, or null. */
  String responseHeader(String name) {
    return header(responseHeaders, name);
  }

  /** The first value of a request header, case-insensitively, or null. */
  String requestHeader(String name) {
    return header(requestHeaders, name);
  }

  String responseText() {
    return new String(responseBody, StandardCharsets.UTF_8);
  }

  /** The request as it would be shown to a human: request line, headers, body (binary bytes escaped, long ones cut). */
  String describeRequest(int maxBodyChars) {
    StringBuilder text = new StringBuilder(method).append(' ').append(target).append('\n');
    requestHeaders.forEach(line -> text.append(line).append('\n'));
    if (requestBody.length > 0) {
      text.append('\n').append(printable(requestBody, maxBodyChars));
    }
    return text.toString();
  }

  private static String header(List<String> lines, String name) {
    String prefix = name.toLowerCase(Locale.ROOT) + ":";
    for (String line : lines) {
      if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
        return line.substring(prefix.length()).strip();
      }
    }
    return null;
  }

  /** UTF-8 text with control characters other than line breaks and tabs shown as {@code \xNN}. */
  static String printable(byte[] bytes, int maxChars) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < maxChars; i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f) {
        out.append(String.format("\\x%02X", (int) c));
      } else if (c != '\r') {
        out.append(c);
      }
    }
    if (out.length() >= maxChars) {
      out.append("… (").append(bytes.length).append(" bytes in all)");
    }
    return out.toString();
  }
}
