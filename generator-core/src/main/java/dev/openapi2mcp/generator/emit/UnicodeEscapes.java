package dev.openapi2mcp.generator.emit;

/**
 * Checks the Unicode escapes of a generated source as javac reads them (JLS 3.3): a {@code \} preceded by an even
 * number of backslashes, then one or more {@code u}, then four hex digits, stands for that character wherever it
 * appears, comments and string literals included, before any token is read.
 *
 * <p>The emitter writes such escapes only for characters that cannot end a comment, a string literal or a line:
 * characters above U+007F (the ASCII conversion of the source) and control characters other than CR and LF in
 * string literals (JavaPoet). Any other escape came from spec text that reached the source unescaped, and could turn
 * that text into code; {@link #check} refuses it, so such a leak fails generation instead of compiling. It also
 * refuses a backslash that starts no escape right after the escape of a high surrogate: javac 17, looking for the
 * low surrogate, reads that backslash twice and then takes the backslash after it for the start of an escape.
 */
final class UnicodeEscapes {
  private UnicodeEscapes() {}

  /**
   * Throws when {@code source} holds a Unicode escape that the emitter does not write, or a malformed one.
   *
   * @param file the file's name, for the message
   * @throws IllegalStateException naming the file, the line and the escape
   */
  static void check(String source, String file) {
    int backslashes = 0;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c != '\\') {
        backslashes = 0;
        continue;
      }
      boolean eligible = backslashes % 2 == 0;
      backslashes++;
      if (!eligible || i + 1 >= source.length() || source.charAt(i + 1) != 'u') {
        continue;
      }
      int digits = i + 1;
      while (digits < source.length() && source.charAt(digits) == 'u') {
        digits++;
      }
      int value = digits + 4 <= source.length() ? hex(source, digits) : -1;
      if (value < 0 || !emitted((char) value)) {
        String escape = source.substring(i, Math.min(source.length(), digits + 4));
        throw new IllegalStateException(file + ", line " + line(source, i) + ": the Unicode escape " + escape
            + " was not written by the emitter; spec text reached the source without escaping");
      }
      if (Character.isHighSurrogate((char) value) && source.startsWith("\\", digits + 4)
          && !source.startsWith("\\u", digits + 4)) {
        throw new IllegalStateException(file + ", line " + line(source, i) + ": a backslash that starts no escape "
            + "follows the high surrogate " + source.substring(i, digits + 4) + "; javac 17 would take the backslash "
            + "after it for the start of a Unicode escape");
      }
    }
  }

  /** What the emitter escapes: non-ASCII characters, and control characters that do not end a line. */
  private static long line(String source, int index) {
    return source.chars().limit(index).filter(c -> c == '\n').count() + 1;
  }

  private static boolean emitted(char decoded) {
    return decoded >= 0x80 || (Character.isISOControl(decoded) && decoded != '\n' && decoded != '\r');
  }

  /** The value of four ASCII hex digits (JLS 3.3 allows no others), or -1. */
  private static int hex(String source, int start) {
    int value = 0;
    for (int i = start; i < start + 4; i++) {
      char c = source.charAt(i);
      int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F'
          ? c - 'A' + 10 : -1;
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }
}
