package dev.openapi2mcp.runtime.http;

import java.nio.charset.StandardCharsets;

/**
 * Strict percent-encoding of UTF-8 text: every byte outside RFC 3986 <em>unreserved</em>
 * ({@code A-Z a-z 0-9 - . _ ~}) becomes {@code %XX}.
 *
 * <p>Strict on purpose: an encoded value contains no delimiter of any URL component ({@code / ? # & = ; , + @ :}),
 * so a tool argument placed in a path segment, a query or a cookie can never change the structure around it.
 * Delimiters that a serialization style needs (the comma of {@code a,b}) are added by the caller, unencoded.
 */
final class PercentEncoder {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentEncoder() {}

  static String encode(String value) {
    StringBuilder out = null;
    byte[] bytes = null;
    for (int i = 0; i < value.length(); i++) {
      if (!isUnreserved(value.charAt(i))) {
        bytes = value.getBytes(StandardCharsets.UTF_8);
        out = new StringBuilder(bytes.length * 3);
        break;
      }
    }
    if (out == null) {
      return value;
    }
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (c < 0x80 && isUnreserved((char) c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }
}
