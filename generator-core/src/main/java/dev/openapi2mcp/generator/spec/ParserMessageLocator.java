package dev.openapi2mcp.generator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.generator.diagnostics.JsonPointers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the location inside a swagger-parser message into a JSON pointer.
 *
 * <p>swagger-parser writes locations like {@code attribute paths.'/pet'(get).parameters.[petId].in is missing}:
 * dotted keys, quoted keys, an operation's method in parentheses and a parameter's name in brackets. That text
 * is ambiguous (a schema named {@code com.example.Pet} holds dots), so, when the raw document is at hand, every
 * step is checked against it: the pointer only ever names nodes that exist, and stops where the message stops
 * being reliable. A missing attribute therefore points at the object that lacks it. Without the raw document
 * the same steps are taken literally, up to the first parameter name.
 */
final class ParserMessageLocator {

  /** One step of the message's location: a key, or a parameter looked up by its {@code name}. */
  private record Step(String text, boolean quoted, boolean byName) {}

  private final JsonNode root;

  /** @param root the raw spec document, or null when it could not be read */
  ParserMessageLocator(JsonNode root) {
    this.root = root;
  }

  /** The pointer for {@code message}, or null when it names no location. */
  String pointer(String message) {
    String expression = expression(message);
    if (expression == null) {
      return null;
    }
    List<String> tokens = root == null ? literal(steps(expression)) : walk(steps(expression));
    return tokens.isEmpty() ? null : JsonPointers.of(tokens);
  }

  /** The operationId of the operation the pointer lies in, when the raw document tells it. */
  String operationId(String pointer) {
    if (root == null || pointer == null) {
      return null;
    }
    String[] parts = pointer.split("/", -1);
    if (parts.length < 4 || !parts[1].equals("paths")) {
      return null;
    }
    JsonNode id = root.path("paths").path(JsonPointers.unescape(parts[2])).path(parts[3]).path("operationId");
    return id.isTextual() ? id.asText() : null;
  }

  private static String expression(String message) {
    String text = message.strip();
    if (text.startsWith("attribute ")) {
      text = text.substring("attribute ".length());
    } else if (!text.startsWith("paths.") && !text.startsWith("components.")) {
      return null;
    }
    int end = endOfExpression(text);
    String expression = text.substring(0, end);
    while (expression.endsWith(".")) {
      expression = expression.substring(0, expression.length() - 1);
    }
    return expression.isEmpty() ? null : expression;
  }

  /** The expression ends at the first space outside quotes and brackets. */
  private static int endOfExpression(String text) {
    boolean quoted = false;
    int brackets = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'' && brackets == 0) {
        quoted = !quoted;
      } else if (!quoted && c == '[') {
        brackets++;
      } else if (!quoted && c == ']' && brackets > 0) {
        brackets--;
      } else if (!quoted && brackets == 0 && c == ' ') {
        return i;
      }
    }
    return text.length();
  }

  private static List<Step> steps(String expression) {
    List<Step> steps = new ArrayList<>();
    int i = 0;
    StringBuilder plain = new StringBuilder();
    while (i < expression.length()) {
      char c = expression.charAt(i);
      if (c == '\'') {
        int close = expression.indexOf('\'', i + 1);
        if (close < 0) {
          break;
        }
        flush(plain, steps);
        steps.add(new Step(expression.substring(i + 1, close), true, false));
        i = close + 1;
      } else if (c == '(') {
        int close = expression.indexOf(')', i + 1);
        if (close < 0) {
          break;
        }
        flush(plain, steps);
        steps.add(new Step(expression.substring(i + 1, close).toLowerCase(Locale.ROOT), true, false));
        i = close + 1;
      } else if (c == '[') {
        int close = closingBracket(expression, i);
        if (close < 0) {
          break;
        }
        flush(plain, steps);
        steps.add(new Step(expression.substring(i + 1, close), true, true));
        i = close + 1;
      } else if (c == '.') {
        flush(plain, steps);
        i++;
      } else {
        plain.append(c);
        i++;
      }
    }
    flush(plain, steps);
    return steps;
  }

  private static int closingBracket(String expression, int open) {
    int depth = 0;
    for (int i = open; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static void flush(StringBuilder plain, List<Step> steps) {
    if (plain.length() > 0) {
      steps.add(new Step(plain.toString(), false, false));
      plain.setLength(0);
    }
  }

  private static List<String> literal(List<Step> steps) {
    List<String> tokens = new ArrayList<>();
    for (Step step : steps) {
      if (step.byName()) {
        break;
      }
      tokens.add(step.text());
    }
    return tokens;
  }

  private List<String> walk(List<Step> steps) {
    List<String> tokens = new ArrayList<>();
    JsonNode node = root;
    int i = 0;
    while (i < steps.size()) {
      Step step = steps.get(i);
      if (step.byName()) {
        int index = indexByName(node, step.text());
        if (index < 0) {
          break;
        }
        tokens.add(Integer.toString(index));
        node = node.get(index);
        i++;
      } else if (step.quoted()) {
        if (!node.isObject() || !node.has(step.text())) {
          break;
        }
        tokens.add(step.text());
        node = node.get(step.text());
        i++;
      } else {
        // Unquoted keys may themselves contain dots: take the longest run of steps that names a key.
        int matched = -1;
        String key = null;
        StringBuilder candidate = new StringBuilder();
        for (int j = i; j < steps.size() && !steps.get(j).quoted(); j++) {
          candidate.append(j > i ? "." : "").append(steps.get(j).text());
          if (node.isObject() && node.has(candidate.toString())) {
            matched = j;
            key = candidate.toString();
          }
        }
        if (matched < 0) {
          break;
        }
        tokens.add(key);
        node = node.get(key);
        i = matched + 1;
      }
    }
    return tokens;
  }

  private static int indexByName(JsonNode array, String name) {
    if (!array.isArray()) {
      return -1;
    }
    for (int i = 0; i < array.size(); i++) {
      if (name.equals(array.get(i).path("name").asText(null))) {
        return i;
      }
    }
    return -1;
  }
}
