package dev.openapi2mcp.generator.emit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The code of a Java source as javac reads it, for tests: Unicode escapes decoded first (JLS 3.3), then split into
 * tokens with comments and whitespace left out, every string or character literal one token {@code "STR"} or
 * {@code "CHR"} (a concatenation of string literals one {@code "STR"}), so that two sources whose texts differ only
 * inside literals and comments have equal tokens.
 */
final class JavaTokens {
  static final String STRING = "STR";
  static final String CHARACTER = "CHR";

  private JavaTokens() {}

  /** Decodes Unicode escapes as javac does: a backslash preceded by an even number of backslashes, u's, 4 hex. */
  static String decodeUnicodeEscapes(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int backslashes = 0;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\\' && backslashes % 2 == 0 && i + 1 < source.length() && source.charAt(i + 1) == 'u') {
        int digits = i + 1;
        while (digits < source.length() && source.charAt(digits) == 'u') {
          digits++;
        }
        if (digits + 4 > source.length() || !source.substring(digits, digits + 4).matches("[0-9a-fA-F]{4}")) {
          throw new IllegalArgumentException("malformed Unicode escape at " + i);
        }
        out.append((char) Integer.parseInt(source.substring(digits, digits + 4), 16));
        i = digits + 3;
        // A backslash made by an escape never starts another escape.
        backslashes = 0;
        continue;
      }
      backslashes = c == '\\' ? backslashes + 1 : 0;
      out.append(c);
    }
    return out.toString();
  }

  /**
   * The tokens of a source outside comments and literals, with the names of methods declared as
   * {@code static ToolDefinition name()} replaced by {@code ID}: they are made from spec text by the naming rules.
   *
   * @throws IllegalArgumentException when a comment or literal is not closed
   */
  static List<String> code(String source) {
    List<String> tokens = lex(decodeUnicodeEscapes(source));
    Set<String> toolMethods = new HashSet<>();
    for (int i = 2; i + 1 < tokens.size(); i++) {
      if (tokens.get(i - 2).equals("static") && tokens.get(i - 1).equals("ToolDefinition")
          && tokens.get(i + 1).equals("(")) {
        toolMethods.add(tokens.get(i));
      }
    }
    List<String> code = new ArrayList<>();
    for (String token : tokens) {
      boolean concatenated = token.equals(STRING) && code.size() >= 2 && code.get(code.size() - 1).equals("+")
          && code.get(code.size() - 2).equals(STRING);
      if (concatenated) {
        code.remove(code.size() - 1);
      } else {
        code.add(toolMethods.contains(token) ? "ID" : token);
      }
    }
    return code;
  }

  private static List<String> lex(String text) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r') {
        i++;
      } else if (text.startsWith("//", i)) {
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
          i++;
        }
      } else if (text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        if (end < 0) {
          throw new IllegalArgumentException("comment not closed at " + i);
        }
        i = end + 2;
      } else if (c == '"' || c == '\'') {
        i = literalEnd(text, i, c);
        tokens.add(c == '"' ? STRING : CHARACTER);
      } else if (Character.isJavaIdentifierStart(c) || Character.isDigit(c)) {
        int start = i;
        while (i < text.length() && Character.isJavaIdentifierPart(text.charAt(i))) {
          i++;
        }
        tokens.add(text.substring(start, i));
      } else {
        tokens.add(String.valueOf(c));
        i++;
      }
    }
    return tokens;
  }

  /** The index after the closing quote; a literal may not hold a line break (JLS 3.10.5). */
  private static int literalEnd(String text, int start, char quote) {
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return i + 1;
      } else if (c == '\n' || c == '\r') {
        break;
      }
    }
    throw new IllegalArgumentException("literal not closed at " + start);
  }
}
