package dev.openapi2mcp.generator.description;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A tiny text template for tool descriptions: a subset of mustache whose names are checked when it is parsed.
 *
 * <p>Syntax, complete:
 * <ul>
 *   <li>{@code {{name}}} inserts the value of {@code name} verbatim (values are never parsed again);</li>
 *   <li>{@code {{#name}}…{{/name}}} renders its content only when the value {@code name} is non-empty; when
 *       {@code name} is a list, once per item, with the item's fields in scope (innermost first, as in
 *       mustache);</li>
 *   <li>{@code {{^name}}…{{/name}}} renders its content only when {@code name} is empty (an empty list
 *       included);</li>
 *   <li>{@code {{! text }}} is a comment and renders nothing.</li>
 * </ul>
 * Sections nest. A line holding nothing but a section tag, a closing tag or a comment (and blanks) leaves no trace
 * in the output, newline included, as mustache's "standalone" tags do, so that a template can put each on a line
 * of its own.
 *
 * <p>Names are checked when the template is parsed, against {@link Names}: an unknown name (a list's item fields
 * are known only inside its section), a list used as a value, an unclosed or mismatched section or an unterminated
 * tag fails with the line where it happens. So a broken user template fails the build once, with its line, rather
 * than rendering a wrong description for some operations.
 *
 * <p>Why our own engine and not jmustache or mustache.java: both resolve names only while rendering, by
 * reflection or map lookup against whatever object they are given, and render an unknown name as empty (or throw
 * per render); checking a template up front, with lines, is what a build tool needs and is the part we would have
 * to write anyway. The whole engine is this class, adds no dependency to the Maven plugin's class path, and its
 * subset is all a one-paragraph description needs (no partials, lambdas, escaping or delimiter changes).
 */
public final class DescriptionTemplate {

  /**
   * The names a template may use: plain values, and lists whose items have names of their own.
   *
   * @param values names of plain (text) values
   * @param lists names of lists, each with the names its items have
   */
  public record Names(Set<String> values, Map<String, Names> lists) {
    public Names {
      values = Set.copyOf(values);
      lists = Map.copyOf(lists);
      for (String name : lists.keySet()) {
        if (values.contains(name)) {
          throw new IllegalArgumentException("'" + name + "' is both a value and a list");
        }
      }
    }

    /** Plain values only. */
    public static Names of(Set<String> values) {
      return new Names(values, Map.of());
    }

    /** These names and a list {@code name} whose items have {@code items}. */
    public Names withList(String name, Names items) {
      Map<String, Names> more = new HashMap<>(lists);
      more.put(name, items);
      return new Names(values, more);
    }

    boolean knows(String name) {
      return values.contains(name) || lists.containsKey(name);
    }

    Set<String> all() {
      Set<String> all = new TreeSet<>(values);
      all.addAll(lists.keySet());
      return all;
    }
  }

  private sealed interface Node permits Text, Variable, Section {}

  private record Text(String text) implements Node {}

  /** {@code depth}: which scope the name was found in when parsing, 0 being the root values. */
  private record Variable(String name, int depth) implements Node {}

  private record Section(String name, int depth, boolean inverted, boolean list, List<Node> children)
      implements Node {}

  /** An open section while parsing, with the scopes visible inside it (root first). */
  private record Frame(Section section, List<Names> scopes) {}

  private final List<Node> nodes;

  private DescriptionTemplate(List<Node> nodes) {
    this.nodes = nodes;
  }

  /** Parses a template that uses plain values only. */
  public static DescriptionTemplate parse(String source, Set<String> names) throws TemplateException {
    return parse(source, Names.of(names));
  }

  /**
   * Parses {@code source}.
   *
   * @param names the names the template may use
   * @throws TemplateException naming the line of the first error
   */
  public static DescriptionTemplate parse(String source, Names names) throws TemplateException {
    Deque<Frame> open = new ArrayDeque<>();
    List<Node> root = new ArrayList<>();
    List<Names> rootScopes = List.of(names);
    int position = 0;
    while (position < source.length()) {
      int start = source.indexOf("{{", position);
      List<Node> target = open.isEmpty() ? root : open.peek().section().children();
      List<Names> scopes = open.isEmpty() ? rootScopes : open.peek().scopes();
      if (start < 0) {
        target.add(new Text(source.substring(position)));
        break;
      }
      int end = source.indexOf("}}", start + 2);
      if (end < 0) {
        throw new TemplateException("line " + line(source, start) + ": tag '{{' is never closed with '}}'");
      }
      String tag = source.substring(start + 2, end).strip();
      char sigil = tag.isEmpty() ? ' ' : tag.charAt(0);
      boolean structural = sigil == '#' || sigil == '^' || sigil == '/' || sigil == '!';
      int textEnd = start;
      int next = end + 2;
      if (structural) {
        int lineStart = source.lastIndexOf('\n', start - 1) + 1;
        int lineEnd = source.indexOf('\n', next);
        int afterLine = lineEnd < 0 ? source.length() : lineEnd + 1;
        if (lineStart >= position && blank(source, lineStart, start)
            && blank(source, next, lineEnd < 0 ? source.length() : lineEnd)) {
          textEnd = lineStart;
          next = afterLine;
        }
      }
      if (textEnd > position) {
        target.add(new Text(source.substring(position, textEnd)));
      }
      position = next;
      if (sigil == '!') {
        continue;
      }
      String name = structural ? tag.substring(1).strip() : tag;
      int lineNumber = line(source, start);
      int depth = depthOf(name, scopes);
      if (depth < 0) {
        throw new TemplateException("line " + lineNumber + ": unknown placeholder '" + name + "'; known "
            + (scopes.size() > 1 ? "here " : "") + "are " + known(scopes));
      }
      boolean list = scopes.get(depth).lists().containsKey(name);
      switch (sigil) {
        case '#', '^' -> {
          Section section = new Section(name, depth, sigil == '^', list, new ArrayList<>());
          target.add(section);
          List<Names> inner = scopes;
          if (list && sigil == '#') {
            inner = new ArrayList<>(scopes);
            inner.add(scopes.get(depth).lists().get(name));
          }
          open.push(new Frame(section, List.copyOf(inner)));
        }
        case '/' -> {
          if (open.isEmpty() || !open.peek().section().name().equals(name)) {
            throw new TemplateException("line " + lineNumber + ": '{{/" + name + "}}' closes "
                + (open.isEmpty() ? "no open section" : "section '" + open.peek().section().name() + "'"));
          }
          open.pop();
        }
        default -> {
          if (list) {
            throw new TemplateException("line " + lineNumber + ": '" + name + "' is a list: go through its items"
                + " with {{#" + name + "}}…{{/" + name + "}}");
          }
          target.add(new Variable(name, depth));
        }
      }
    }
    if (!open.isEmpty()) {
      throw new TemplateException("section '" + open.peek().section().name() + "' is never closed");
    }
    return new DescriptionTemplate(List.copyOf(root));
  }

  /**
   * Renders with {@code values}: each a {@link String} for a plain name, or a {@link List} of maps (one per item,
   * same value rules) for a list name. A name without a value counts as empty. No whitespace is changed here.
   *
   * @throws IllegalArgumentException when a list name is given something other than a list
   */
  public String render(Map<String, ?> values) {
    StringBuilder out = new StringBuilder();
    List<Map<String, ?>> contexts = new ArrayList<>();
    contexts.add(values);
    render(nodes, contexts, out);
    return out.toString();
  }

  private static void render(List<Node> nodes, List<Map<String, ?>> contexts, StringBuilder out) {
    for (Node node : nodes) {
      if (node instanceof Text text) {
        out.append(text.text());
      } else if (node instanceof Variable variable) {
        Object value = contexts.get(variable.depth()).get(variable.name());
        out.append(value == null ? "" : value.toString());
      } else if (node instanceof Section section) {
        Object value = contexts.get(section.depth()).get(section.name());
        if (section.list()) {
          List<?> items = items(section.name(), value);
          if (section.inverted()) {
            if (items.isEmpty()) {
              render(section.children(), contexts, out);
            }
          } else {
            for (Object item : items) {
              contexts.add(item(section.name(), item));
              render(section.children(), contexts, out);
              contexts.remove(contexts.size() - 1);
            }
          }
        } else {
          boolean empty = value == null || value.toString().isEmpty();
          if (empty == section.inverted()) {
            render(section.children(), contexts, out);
          }
        }
      }
    }
  }

  private static List<?> items(String name, Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return list;
    }
    throw new IllegalArgumentException("'" + name + "' must be a list, was " + value.getClass().getSimpleName());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> item(String name, Object item) {
    if (item instanceof Map<?, ?> map) {
      return (Map<String, ?>) map;
    }
    throw new IllegalArgumentException("the items of '" + name + "' must be maps, one was "
        + (item == null ? "null" : item.getClass().getSimpleName()));
  }

  /** The scope that defines {@code name}, innermost first, as mustache looks names up; -1 when none does. */
  private static int depthOf(String name, List<Names> scopes) {
    for (int i = scopes.size() - 1; i >= 0; i--) {
      if (scopes.get(i).knows(name)) {
        return i;
      }
    }
    return -1;
  }

  private static Set<String> known(List<Names> scopes) {
    Set<String> all = new TreeSet<>();
    scopes.forEach(scope -> all.addAll(scope.all()));
    return all;
  }

  private static boolean blank(String source, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = source.charAt(i);
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
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
