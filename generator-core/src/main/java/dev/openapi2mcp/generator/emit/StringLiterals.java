package dev.openapi2mcp.generator.emit;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Java expressions for strings of any length.
 *
 * <p>A class file stores a string constant in modified UTF-8 in at most 65,535 bytes. A string that fits is a
 * plain literal. A longer one becomes {@code String.join("", part1, part2, …)}: a method call, so javac cannot
 * fold the parts back into one oversized constant (as it would with {@code +}).
 */
final class StringLiterals {
  static final int CONSTANT_LIMIT = 65_535;

  /** Parts stay well below the limit, leaving room for anything javac adds. */
  static final int PART_LIMIT = 60_000;

  private StringLiterals() {}

  static CodeBlock of(String value) {
    if (modifiedUtf8Length(value) <= CONSTANT_LIMIT) {
      return literal(value);
    }
    CodeBlock.Builder join = CodeBlock.builder().add("String.join(\"\"");
    for (String part : split(value, PART_LIMIT)) {
      join.add(",\n$L", literal(part));
    }
    return join.add(")").build();
  }

  /**
   * One literal, or a constant concatenation of literals where a plain one would not compile as meant:
   * <ul>
   *   <li>U+2028 and U+2029 become literals of their own, written as Unicode escapes: JavaPoet starts a new source
   *       line at every line break Unicode knows (regex {@code \R}), which would put a line break inside a literal;
   *   <li>a literal ends after a high surrogate that no low surrogate follows: javac 17 reads the backslash after
   *       such a surrogate's escape twice, the second time as if no backslash came before it, so in the escaped
   *       backslash of spec text ({@code \\u000a}) it would decode a Unicode escape: the text would change, and a
   *       line break would end the literal.
   * </ul>
   */
  private static CodeBlock literal(String value) {
    List<CodeBlock> pieces = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\u2028' || c == '\u2029') {
        if (i > start) {
          pieces.add(CodeBlock.of("$S", value.substring(start, i)));
        }
        pieces.add(CodeBlock.of("$L", "\"\\u" + Integer.toHexString(c) + "\""));
        start = i + 1;
      } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
          && !Character.isLowSurrogate(value.charAt(i + 1))) {
        pieces.add(CodeBlock.of("$S", value.substring(start, i + 1)));
        start = i + 1;
      }
    }
    if (start < value.length() || pieces.isEmpty()) {
      pieces.add(CodeBlock.of("$S", value.substring(start)));
    }
    return CodeBlock.join(pieces, " + ");
  }

  /** Splits into parts of at most {@code limit} modified-UTF-8 bytes, never inside a surrogate pair. */
  static List<String> split(String value, int limit) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    int bytes = 0;
    for (int i = 0; i < value.length(); i++) {
      int size = modifiedUtf8Length(value.charAt(i));
      boolean pairStart = Character.isHighSurrogate(value.charAt(i)) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1));
      int needed = pairStart ? size + modifiedUtf8Length(value.charAt(i + 1)) : size;
      if (bytes + needed > limit && i > start) {
        parts.add(value.substring(start, i));
        start = i;
        bytes = 0;
      }
      bytes += size;
    }
    parts.add(value.substring(start));
    return parts;
  }

  static int modifiedUtf8Length(String value) {
    int length = 0;
    for (int i = 0; i < value.length(); i++) {
      length += modifiedUtf8Length(value.charAt(i));
    }
    return length;
  }

  /** NUL takes two bytes and every UTF-16 unit above U+07FF three, surrogates included. */
  private static int modifiedUtf8Length(char c) {
    if (c != 0 && c < 0x80) {
      return 1;
    }
    return c < 0x800 ? 2 : 3;
  }
}
