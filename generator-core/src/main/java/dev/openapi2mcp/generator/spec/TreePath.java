package dev.openapi2mcp.generator.spec;

import dev.openapi2mcp.generator.diagnostics.JsonPointers;
import java.util.Arrays;

/**
 * The position of a walk in a JSON tree, kept as unescaped reference tokens (issue 6): the walks over a whole
 * description visit millions of nodes on a spec like GitHub's, and building each node's JSON pointer as a string
 * cost more than the walk itself; only the few nodes a walk reports need one.
 *
 * <p>Invariant: {@link #pointer()} is the RFC 6901 pointer of the current position, {@code ""} at the root.
 */
final class TreePath {
  private static final String[] INDICES = new String[64];

  static {
    for (int i = 0; i < INDICES.length; i++) {
      INDICES[i] = Integer.toString(i);
    }
  }

  private String[] tokens = new String[32];
  private int depth;

  void push(String token) {
    if (depth == tokens.length) {
      tokens = Arrays.copyOf(tokens, depth * 2);
    }
    tokens[depth++] = token;
  }

  void push(int index) {
    push(index < INDICES.length ? INDICES[index] : Integer.toString(index));
  }

  void pop() {
    tokens[--depth] = null;
  }

  int depth() {
    return depth;
  }

  /** The unescaped token at {@code level} (0 is the root's member). */
  String token(int level) {
    return tokens[level];
  }

  String pointer() {
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      pointer.append('/').append(JsonPointers.escape(tokens[i]));
    }
    return pointer.toString();
  }
}
