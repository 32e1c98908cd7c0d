package dev.openapi2mcp.runtime.mcp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalInt;

/**
 * The opaque {@code cursor} of paginated lists: the offset of the page's first item, base64url-encoded so that
 * clients treat it as a token rather than a number to compute with.
 */
final class PageCursor {
  private static final String PREFIX = "offset:";

  private PageCursor() {}

  static String encode(int offset) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((PREFIX + offset).getBytes(StandardCharsets.US_ASCII));
  }

  /** The offset in the cursor, or empty when the text is not a cursor this server wrote. */
  static OptionalInt decode(String cursor) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      return OptionalInt.empty();
    }
    if (!text.startsWith(PREFIX)) {
      return OptionalInt.empty();
    }
    String digits = text.substring(PREFIX.length());
    if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Integer.parseInt(digits));
  }
}
