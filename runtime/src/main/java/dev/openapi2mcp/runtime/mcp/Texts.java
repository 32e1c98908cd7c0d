package dev.openapi2mcp.runtime.mcp;

/** Small helpers for putting client-supplied text into error messages and logs. */
final class Texts {
  private static final int MAX = 80;

  private Texts() {}

  /** The text cut to a readable length, with control characters replaced, so it cannot forge log lines. */
  static String clip(String text) {
    String cut = text.length() > MAX ? text.substring(0, MAX) + "..." : text;
    StringBuilder out = new StringBuilder(cut.length());
    cut.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return out.toString();
  }
}
