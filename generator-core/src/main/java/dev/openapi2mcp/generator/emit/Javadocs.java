package dev.openapi2mcp.generator.emit;

/** Makes spec text safe inside a Javadoc comment. */
final class Javadocs {
  private Javadocs() {}

  /**
   * Escapes what would end the comment ({@code *}{@code /}), start a block or inline tag ({@code @}), or break
   * the HTML. Braces stay: without an {@code @} after them they are plain text.
   */
  static String text(String value) {
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;")
        .replace("@", "&#64;");
  }
}
