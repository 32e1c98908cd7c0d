package dev.openapi2mcp.runtime.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One application of a schema document to a value, by the rules {@link ArgumentValidator} documents.
 *
 * <p>Invariants: all work is paid for from one {@link WalkBudget}; problems go to a {@link SchemaProblems}, and the
 * walk stops as soon as it is {@link SchemaProblems#done() done}. Alternatives ({@code anyOf}, {@code oneOf}) are
 * first tried as yes/no verdicts that stop at their first problem and build no text; only when none holds, and
 * only while problems are being collected, is each of the first {@value #MAX_OPTIONS_SHOWN} options walked again
 * for its first problem, which is shown flat: an option's own failed alternatives are summarised, never expanded,
 * so the message stays short whatever the nesting.
 */
final class SchemaWalk {
  private static final int MAX_ENUM_SHOWN = 10;
  private static final int MAX_OPTIONS_SHOWN = 3;

  private final JsonNode root;
  private final boolean arguments;
  private final WalkBudget budget;
  private final Function<String, Pattern> patterns;
  private final SchemaProblems problems;
  private final boolean explainAlternatives;

  /**
   * @param root the schema document, for {@code $ref}
   * @param arguments whether the top-level properties are a tool's arguments (which problems then call them)
   * @param patterns the compiled form of a {@code patternProperties} expression
   * @param explainAlternatives whether a failed {@code anyOf}/{@code oneOf} names its options' first problems
   */
  SchemaWalk(JsonNode root, boolean arguments, WalkBudget budget, Function<String, Pattern> patterns,
      SchemaProblems problems, boolean explainAlternatives) {
    this.root = root;
    this.arguments = arguments;
    this.budget = budget;
    this.patterns = patterns;
    this.problems = problems;
    this.explainAlternatives = explainAlternatives;
  }

  /** Where a value sits, rendered only when a problem is reported: {@code owner.tags[0]}. */
  record Where(Where parent, String name, int index) {
    static final Where ROOT = new Where(null, null, -1);

    Where property(String property) {
      return new Where(this, property, -1);
    }

    Where item(int i) {
      return new Where(this, null, i);
    }

    boolean isRoot() {
      return parent == null;
    }

    /** The path text, cut once it is longer than any message may be. */
    String render() {
      Deque<Where> steps = new ArrayDeque<>();
      for (Where w = this; !w.isRoot(); w = w.parent) {
        steps.push(w);
      }
      StringBuilder text = new StringBuilder();
      for (Where step : steps) {
        if (text.length() > SchemaProblems.MAX_MESSAGE_CHARS) {
          break;
        }
        if (step.name == null) {
          text.append('[').append(step.index).append(']');
        } else {
          text.append(text.length() == 0 ? "" : ".").append(step.name);
        }
      }
      return text.toString();
    }
  }

  /**
   * Applies {@code schema} to {@code value} at {@code where}.
   *
   * @param active schemas already being applied to this same value: re-entering one would loop forever
   *     (e.g. {@code {"$ref":"#"}}), and adds nothing, so it is skipped
   * @throws WalkBudget.Exhausted when the budget is spent
   */
  void check(JsonNode schema, JsonNode value, Where where, Set<JsonNode> active) {
    if (schema == null || problems.done() || !active.add(schema)) {
      return;
    }
    try {
      budget.enter();
      checkSchema(schema, value, where, active);
    } finally {
      budget.leave();
      active.remove(schema);
    }
  }

  private void checkSchema(JsonNode schema, JsonNode value, Where where, Set<JsonNode> active) {
    if (schema.isBoolean()) {
      if (!schema.booleanValue()) {
        problems.add(() -> prefix(where) + "no value is allowed here, got " + JsonValues.describe(value));
      }
      return;
    }
    if (!schema.isObject()) {
      return;
    }
    if (!checkType(schema, value, where)) {
      // A wrong type makes every further keyword noise (an enum of strings against a number …).
      return;
    }
    checkEnumAndConst(schema, value, where);
    if (value.isObject()) {
      checkObject(schema, (ObjectNode) value, where);
    } else if (value.isArray()) {
      checkArray(schema, value, where);
    }
    JsonNode ref = schema.get("$ref");
    if (ref != null && ref.isTextual()) {
      check(resolve(ref.textValue()), value, where, active);
    }
    JsonNode allOf = schema.get("allOf");
    if (allOf != null && allOf.isArray()) {
      for (JsonNode part : allOf) {
        check(part, value, where, active);
      }
    }
    checkAlternatives(schema.get("anyOf"), value, where, active);
    checkAlternatives(schema.get("oneOf"), value, where, active);
  }

  private boolean checkType(JsonNode schema, JsonNode value, Where where) {
    JsonNode type = schema.get("type");
    if (type == null) {
      return true;
    }
    List<String> allowed = new ArrayList<>();
    if (type.isTextual()) {
      allowed.add(type.textValue());
    } else if (type.isArray()) {
      budget.spend(type.size());
      type.forEach(t -> allowed.add(t.asText()));
    } else {
      return true;
    }
    if (schema.path("nullable").asBoolean(false) && !allowed.contains("null")) {
      allowed.add("null");
    }
    for (String name : allowed) {
      if (hasType(value, name)) {
        return true;
      }
    }
    problems.add(() -> prefix(where) + "expected " + String.join(" or ", allowed) + ", got "
        + JsonValues.describe(value));
    return false;
  }

  private void checkEnumAndConst(JsonNode schema, JsonNode value, Where where) {
    JsonNode constant = schema.get("const");
    if (constant != null && !JsonValues.jsonEquals(constant, value)) {
      problems.add(() -> prefix(where) + "expected " + constant + ", got " + JsonValues.describe(value));
    }
    JsonNode options = schema.get("enum");
    if (options == null || !options.isArray()) {
      return;
    }
    budget.spend(options.size());
    for (JsonNode option : options) {
      if (JsonValues.jsonEquals(option, value)) {
        return;
      }
    }
    problems.add(() -> prefix(where) + "expected one of " + shown(options) + ", got " + JsonValues.describe(value));
  }

  private static String shown(JsonNode options) {
    List<String> shown = new ArrayList<>();
    for (JsonNode option : options) {
      if (shown.size() == MAX_ENUM_SHOWN) {
        shown.add("… (" + options.size() + " in all)");
        break;
      }
      shown.add(option.toString());
    }
    return String.join(", ", shown);
  }

  private void checkObject(JsonNode schema, ObjectNode value, Where where) {
    JsonNode required = schema.get("required");
    if (required != null && required.isArray()) {
      budget.spend(required.size());
      for (JsonNode name : required) {
        if (!value.has(name.asText())) {
          problems.add(() -> where.isRoot()
              ? "missing required " + (arguments ? "argument" : "property") + " '" + name.asText() + "'"
              : where.render() + ": missing required property '" + name.asText() + "'");
        }
      }
    }
    for (Map.Entry<String, JsonNode> dependency : schema.path("dependentRequired").properties()) {
      budget.spend(1 + dependency.getValue().size());
      if (!value.has(dependency.getKey())) {
        continue;
      }
      for (JsonNode name : dependency.getValue()) {
        if (!value.has(name.asText())) {
          problems.add(() -> {
            String given = where.isRoot() ? "argument '" + dependency.getKey() + "'"
                : where.render() + ": property '" + dependency.getKey() + "'";
            return "missing " + (where.isRoot() ? "argument '" : "property '") + name.asText()
                + "', required when " + given + " is given";
          });
        }
      }
    }
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.get("additionalProperties");
    JsonNode patternProperties = schema.path("patternProperties");
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      if (problems.done()) {
        return;
      }
      budget.spend(1 + patternProperties.size());
      String name = field.getKey();
      Where child = where.property(name);
      JsonNode declared = properties.get(name);
      boolean matchedPattern = false;
      for (Map.Entry<String, JsonNode> pattern : patternProperties.properties()) {
        if (matches(pattern.getKey(), name)) {
          matchedPattern = true;
          check(pattern.getValue(), field.getValue(), child, ArgumentValidator.newActiveSet());
        }
      }
      if (declared != null) {
        check(declared, field.getValue(), child, ArgumentValidator.newActiveSet());
      } else if (!matchedPattern && additional != null) {
        if (additional.isBoolean() && !additional.booleanValue()) {
          problems.add(() -> where.isRoot()
              ? "unknown " + (arguments ? "argument" : "property") + " '" + name + "'" + knownNames(properties)
              : where.render() + ": unknown property '" + name + "'" + knownNames(properties));
        } else {
          check(additional, field.getValue(), child, ArgumentValidator.newActiveSet());
        }
      }
    }
  }

  private void checkArray(JsonNode schema, JsonNode value, Where where) {
    JsonNode items = schema.get("items");
    if (items == null) {
      return;
    }
    for (int i = 0; i < value.size() && !problems.done(); i++) {
      budget.spend(1);
      JsonNode itemSchema = items.isArray() ? items.get(i) : items;
      if (itemSchema != null) {
        check(itemSchema, value.get(i), where.item(i), ArgumentValidator.newActiveSet());
      }
    }
  }

  private void checkAlternatives(JsonNode alternatives, JsonNode value, Where where, Set<JsonNode> active) {
    if (alternatives == null || !alternatives.isArray() || alternatives.isEmpty() || problems.done()) {
      return;
    }
    for (JsonNode alternative : alternatives) {
      SchemaProblems verdict = SchemaProblems.verdict();
      walk(verdict).check(alternative, value, where, active);
      if (!verdict.failed()) {
        return;
      }
    }
    problems.add(() -> (where.isRoot() ? (arguments ? "arguments" : "value") : where.render())
        + ": matches none of the " + alternatives.size() + " allowed alternatives"
        + (explainAlternatives ? firstProblems(alternatives, value, where, active) : ""));
  }

  /** {@code " (option 1: …; option 2: …)"}: each of the first options' first problem. */
  private String firstProblems(JsonNode alternatives, JsonNode value, Where where, Set<JsonNode> active) {
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < Math.min(MAX_OPTIONS_SHOWN, alternatives.size()); i++) {
      SchemaProblems first = SchemaProblems.firstOnly();
      walk(first).check(alternatives.get(i), value, where, active);
      shown.add("option " + (i + 1) + ": " + first.messages().stream().findFirst().orElse("(no detail)"));
    }
    String more = alternatives.size() > MAX_OPTIONS_SHOWN ? "; …" : "";
    return " (" + String.join("; ", shown) + more + ")";
  }

  /** A walk of the same document on the same budget that reports to {@code other} and summarises alternatives. */
  private SchemaWalk walk(SchemaProblems other) {
    return new SchemaWalk(root, arguments, budget, patterns, other, false);
  }

  private boolean matches(String regex, String name) {
    try {
      return patterns.apply(regex).matcher(budget.metered(name)).find();
    } catch (StackOverflowError e) {
      throw budget.tooDeepForExpression();
    }
  }

  private JsonNode resolve(String ref) {
    if (!ref.startsWith("#")) {
      return null;
    }
    String pointer = URLDecoder.decode(ref.substring(1), StandardCharsets.UTF_8);
    if (!pointer.isEmpty() && !pointer.startsWith("/")) {
      return null;
    }
    try {
      JsonNode target = root.at(JsonPointer.compile(pointer));
      return target.isMissingNode() ? null : target;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean hasType(JsonNode value, String type) {
    switch (type) {
      case "null":
        return value.isNull();
      case "boolean":
        return value.isBoolean();
      case "string":
        return value.isTextual();
      case "integer":
        return value.isNumber() && JsonValues.isInteger(value);
      case "number":
        return value.isNumber();
      case "object":
        return value.isObject();
      case "array":
        return value.isArray();
      default:
        // An unknown type name is not ours to enforce.
        return true;
    }
  }

  private String prefix(Where where) {
    return where.isRoot() ? (arguments ? "arguments: " : "value: ") : where.render() + ": ";
  }

  private static String knownNames(JsonNode properties) {
    if (properties.isEmpty()) {
      return "";
    }
    return " (known: "
        + properties.properties().stream().map(Map.Entry::getKey).collect(Collectors.joining(", ")) + ")";
  }
}
