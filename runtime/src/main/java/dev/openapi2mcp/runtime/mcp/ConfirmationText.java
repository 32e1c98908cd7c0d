package dev.openapi2mcp.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The question of {@link DestructiveConfirmation}: the tool, its HTTP operation, and every argument of the call, so
 * that the user decides on what will be sent, not on a part a model chose to put first.
 *
 * <p>Invariants, as the user must be able to trust what they read:
 * <ul>
 *   <li>Every argument is named, one per line, in the order of the call. Names and values are JSON text, so a value
 *       shows where it ends and cannot pass for another argument.
 *   <li>Characters that could hide or reorder text on screen (controls, line and paragraph separators, format
 *       characters such as the bidirectional overrides U+202E and U+2066..U+2069, zero-width characters, private-use
 *       and unassigned code points, spaces other than U+0020) are replaced by escapes: a backslash, {@code u} and
 *       the code point in hex (in braces beyond U+FFFF).
 *   <li>A name longer than {@value #NAME_CHARS} or a value longer than {@value #VALUE_CHARS} characters is cut, and
 *       the text says so with the full length. When the lines would pass {@value #ARGUMENT_LINES_CHARS} characters,
 *       the remaining arguments are listed by name with a plain statement that their values are not shown; when
 *       even the names do not fit in {@value #NAMES_CHARS} more, there is no question at all.
 *   <li>Values are those the executor shows (credentials and secret-looking names redacted as in the audit trail).
 * </ul>
 */
final class ConfirmationText {
  static final int NAME_CHARS = 100;
  static final int VALUE_CHARS = 500;
  static final int ARGUMENT_LINES_CHARS = 16_000;
  static final int NAMES_CHARS = 8_000;

  private ConfirmationText() {}

  /**
   * The question for a call of {@code tool} with {@code shownArguments}, or empty when the arguments are too many or
   * too large to be shown honestly.
   */
  static Optional<String> of(ToolDefinition tool, ObjectNode shownArguments) {
    StringBuilder text = new StringBuilder("Confirm the destructive operation '").append(tool.name()).append('\'');
    if (tool.http() != null) {
      text.append(" (").append(tool.http().method()).append(' ').append(tool.http().pathTemplate()).append(')');
    }
    int count = shownArguments.size();
    if (count == 0) {
      return Optional.of(text.append(" without arguments?").toString());
    }
    text.append(" with ").append(count == 1 ? "this argument" : "these " + count + " arguments").append('?');
    int budget = ARGUMENT_LINES_CHARS;
    List<String> notShown = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = shownArguments.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String line = "\n- " + name(field.getKey()) + ": " + value(field.getValue());
      if (notShown.isEmpty() && line.length() <= budget) {
        text.append(line);
        budget -= line.length();
      } else {
        notShown.add(name(field.getKey()));
      }
    }
    if (!notShown.isEmpty()) {
      String names = String.join(", ", notShown);
      if (names.length() > NAMES_CHARS) {
        return Optional.empty();
      }
      text.append("\nThe values of the other ").append(notShown.size())
          .append(notShown.size() == 1 ? " argument are" : " arguments are")
          .append(" not shown here, as they are too long; they will be sent too: ").append(names);
    }
    return Optional.of(text.toString());
  }

  private static String name(String name) {
    return cut(TextNode.valueOf(name).toString(), NAME_CHARS);
  }

  private static String value(JsonNode value) {
    return cut(value.toString(), VALUE_CHARS);
  }

  /** {@code json} made visible, cut after {@code max} code points with a statement of the full length. */
  private static String cut(String json, int max) {
    int length = json.codePointCount(0, json.length());
    if (length <= max) {
      return visible(json);
    }
    return visible(json.substring(0, json.offsetByCodePoints(0, max))) + "... [cut: the first " + max + " of "
        + length + " characters are shown]";
  }

  /** The text with every character that may not show as itself replaced by its escape. */
  private static String visible(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (mayHide(c)) {
        out.append(c > 0xFFFF ? String.format("\\u{%X}", c) : String.format("\\u%04X", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  private static boolean mayHide(int c) {
    if (c == ' ') {
      return false;
    }
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR, Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED -> true;
      default -> false;
    };
  }
}
