package dev.openapi2mcp.generator.diagnostics;

import java.util.List;

/** Builds RFC 6901 JSON pointers from unescaped reference tokens. */
public final class JsonPointers {
  private JsonPointers() {}

  /** Escapes one reference token: {@code ~} becomes {@code ~0} and {@code /} becomes {@code ~1}. */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** Reverses {@link #escape(String)}. */
  public static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }

  /** The pointer made of {@code tokens}; the empty list gives {@code ""}, the whole document. */
  public static String of(List<String> tokens) {
    StringBuilder pointer = new StringBuilder();
    for (String token : tokens) {
      pointer.append('/').append(escape(token));
    }
    return pointer.toString();
  }

  /** {@code base} with {@code tokens} appended. */
  public static String append(String base, String... tokens) {
    StringBuilder pointer = new StringBuilder(base == null ? "" : base);
    for (String token : tokens) {
      pointer.append('/').append(escape(token));
    }
    return pointer.toString();
  }
}
