package dev.openapi2mcp.generator.emit;

/**
 * Makes spec text safe inside a Javadoc comment.
 *
 * <p>Invariant: the result holds no backslash, so javac, which decodes {@code \}{@code uXXXX} escapes before it
 * finds where a comment ends (JLS 3.3), reads exactly the text written here; and no {@code *}{@code /}, so the
 * comment ends where the emitter ends it.
 */
final class Javadocs {
  private Javadocs() {}

  /**
   * Escapes what would end the comment ({@code *}{@code /}), start a Unicode escape ({@code \}), start a block or
   * inline tag ({@code @}), or break the HTML. Braces stay: without an {@code @} after them they are plain text. A
   * carriage return and the Unicode line and paragraph separators become line breaks, so that every line gets the
   * comment's leading {@code *}; other control characters become spaces.
   */
  static String text(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '@' -> out.append("&#64;");
        case '\\' -> out.append("&#92;");
        case '/' -> out.append(i > 0 && value.charAt(i - 1) == '*' ? "&#47;" : "/");
        case '\u2028', '\u2029' -> out.append('\n');
        case '\r' -> {
          if (i + 1 >= value.length() || value.charAt(i + 1) != '\n') {
            out.append('\n');
          }
        }
        default -> out.append(c != '\n' && Character.isISOControl(c) ? ' ' : c);
      }
    }
    return out.toString();
  }
}
