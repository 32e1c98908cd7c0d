package dev.openapi2mcp.generator.description;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tiny text template for tool descriptions; a real template engine may replace it later.
 *
 * <p>Syntax, complete:
 * <ul>
 *   <li>{@code {{name}}} inserts the value of {@code name} verbatim (values are never parsed again);</li>
 *   <li>{@code {{#name}}…{{/name}}} renders its content only when {@code name} is non-empty;</li>
 *   <li>{@code {{^name}}…{{/name}}} renders its content only when {@code name} is empty;</li>
 *   <li>{@code {{! text }}} is a comment and renders nothing.</li>
 * </ul>
 * Sections nest. Names are checked when the template is parsed: an unknown name, an unclosed or mismatched
 * section or an unterminated tag fails with the line where it happens.
 */
public final class DescriptionTemplate {

  private sealed interface Node permits Text, Variable, Section {}

  private record Text(String text) implements Node {}

  private record Variable(String name) implements Node {}

  private record Section(String name, boolean inverted, List<Node> children) implements Node {}

  private final List<Node> nodes;

  private DescriptionTemplate(List<Node> nodes) {
    this.nodes = nodes;
  }

  /**
   * Parses {@code source}.
   *
   * @param names the variable names the template may use
   * @throws TemplateException naming the line of the first syntax error
   */
  public static DescriptionTemplate parse(String source, Set<String> names) throws TemplateException {
    Deque<Section> open = new ArrayDeque<>();
    List<Node> root = new ArrayList<>();
    int position = 0;
    while (position < source.length()) {
      int start = source.indexOf("{{", position);
      List<Node> target = open.isEmpty() ? root : open.peek().children();
      if (start < 0) {
        target.add(new Text(source.substring(position)));
        break;
      }
      if (start > position) {
        target.add(new Text(source.substring(position, start)));
      }
      int end = source.indexOf("}}", start + 2);
      if (end < 0) {
        throw new TemplateException("line " + line(source, start) + ": tag '{{' is never closed with '}}'");
      }
      String tag = source.substring(start + 2, end).strip();
      position = end + 2;
      if (tag.startsWith("!")) {
        continue;
      }
      char sigil = tag.isEmpty() ? ' ' : tag.charAt(0);
      String name = (sigil == '#' || sigil == '^' || sigil == '/') ? tag.substring(1).strip() : tag;
      if (!names.contains(name)) {
        throw new TemplateException("line " + line(source, start) + ": unknown placeholder '" + name
            + "'; known are " + names.stream().sorted().toList());
      }
      switch (sigil) {
        case '#', '^' -> {
          Section section = new Section(name, sigil == '^', new ArrayList<>());
          target.add(section);
          open.push(section);
        }
        case '/' -> {
          if (open.isEmpty() || !open.peek().name().equals(name)) {
            throw new TemplateException("line " + line(source, start) + ": '{{/" + name + "}}' closes "
                + (open.isEmpty() ? "no open section" : "section '" + open.peek().name() + "'"));
          }
          open.pop();
        }
        default -> target.add(new Variable(name));
      }
    }
    if (!open.isEmpty()) {
      throw new TemplateException("section '" + open.peek().name() + "' is never closed");
    }
    return new DescriptionTemplate(List.copyOf(root));
  }

  /** Renders with {@code values}; a name without a value counts as empty. No whitespace is changed here. */
  public String render(Map<String, String> values) {
    StringBuilder out = new StringBuilder();
    render(nodes, values, out);
    return out.toString();
  }

  private static void render(List<Node> nodes, Map<String, String> values, StringBuilder out) {
    for (Node node : nodes) {
      if (node instanceof Text text) {
        out.append(text.text());
      } else if (node instanceof Variable variable) {
        out.append(values.getOrDefault(variable.name(), ""));
      } else if (node instanceof Section section) {
        boolean empty = values.getOrDefault(section.name(), "").isEmpty();
        if (empty == section.inverted()) {
          render(section.children(), values, out);
        }
      }
    }
  }

  private static int line(String source, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (source.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
