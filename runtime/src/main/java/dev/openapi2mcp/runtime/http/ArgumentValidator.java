package dev.openapi2mcp.runtime.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Checks a call's arguments against the tool's {@code inputSchema} before anything is sent, and a structured result
 * against the tool's {@code outputSchema} before it is returned ({@link #checkOutput}).
 *
 * <p>This is deliberately <em>not</em> a full JSON Schema validator: the runtime carries no validator library, and
 * the API checks its own input anyway. The goal is to catch the mistakes a model makes (a missing argument, a
 * string where a number belongs, a value outside an enum, a misspelled argument name) before they cost a round
 * trip. Covered keywords: {@code type} (one name or a union such as {@code ["string","null"]}; {@code integer}
 * accepts any number with no fractional part), OpenAPI's {@code nullable}, {@code enum}, {@code const},
 * {@code required}, {@code dependentRequired}, {@code properties}, {@code additionalProperties} ({@code false} or a
 * schema; {@code patternProperties} only decides what counts as additional), {@code items} (a schema or a tuple),
 * {@code $ref} to a JSON pointer inside the same schema ({@code #/$defs/Pet}), {@code allOf} (all must hold),
 * {@code anyOf} and {@code oneOf} (at least one must hold; {@code oneOf} exclusivity is not checked), and the
 * boolean schemas {@code true}/{@code false}. Formats, lengths, ranges and patterns are not checked.
 *
 * <p>Invariants: the checker never rejects what it does not understand (unknown keywords, external or unresolvable
 * {@code $ref}s are ignored); it terminates on recursive schemas (a schema already being applied to the same value
 * is not applied again, and each descent consumes one level of the finite argument tree); every problem is reported,
 * each naming its argument path ({@code owner.tags[0]: …}). Each distinct schema text is parsed once and cached;
 * instances are thread-safe.
 */
final class ArgumentValidator {
  private static final int MAX_ENUM_SHOWN = 10;

  private final ConcurrentMap<String, JsonNode> schemas = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Pattern> patterns = new ConcurrentHashMap<>();

  /**
   * The problems of {@code arguments} against the tool's input schema; empty when the arguments are acceptable.
   *
   * @throws IllegalStateException when the tool's inputSchema is not JSON (a generator or hand-coding bug)
   */
  List<String> validate(ToolDefinition tool, ObjectNode arguments) {
    JsonNode root = schemas.computeIfAbsent(tool.inputSchema(), text -> parse(tool.name(), "inputSchema", text));
    List<String> problems = new ArrayList<>();
    new Walk(root, problems, true).check(root, arguments, "", newActiveSet());
    return problems;
  }

  /**
   * The problems of {@code value} against the tool's {@code outputSchema}, by the same rules as arguments, but
   * worded for data ({@code missing required property 'id'}); empty when it conforms or the tool has none.
   *
   * @throws IllegalStateException when the tool's outputSchema is not JSON (a generator or hand-coding bug)
   */
  List<String> checkOutput(ToolDefinition tool, JsonNode value) {
    if (tool.outputSchema() == null) {
      return List.of();
    }
    JsonNode root = schemas.computeIfAbsent(tool.outputSchema(), text -> parse(tool.name(), "outputSchema", text));
    List<String> problems = new ArrayList<>();
    new Walk(root, problems, false).check(root, value, "", newActiveSet());
    return problems;
  }

  private static JsonNode parse(String toolName, String which, String text) {
    try {
      return JsonText.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "the " + which + " of tool '" + toolName + "' is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static Set<JsonNode> newActiveSet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }

  /**
   * One validation run: the schema document (for {@code $ref}), where problems go, and whether the top-level
   * properties are a tool's arguments (which problems then call them).
   */
  private final class Walk {
    private final JsonNode root;
    private final List<String> problems;
    private final boolean arguments;

    Walk(JsonNode root, List<String> problems, boolean arguments) {
      this.root = root;
      this.problems = problems;
      this.arguments = arguments;
    }

    /**
     * Applies {@code schema} to {@code value} at {@code path}.
     *
     * @param active schemas already being applied to this same value: re-entering one would loop forever
     *     (e.g. {@code {"$ref":"#"}}), and adds nothing, so it is skipped
     */
    void check(JsonNode schema, JsonNode value, String path, Set<JsonNode> active) {
      if (schema == null || !active.add(schema)) {
        return;
      }
      try {
        checkSchema(schema, value, path, active);
      } finally {
        active.remove(schema);
      }
    }

    private void checkSchema(JsonNode schema, JsonNode value, String path, Set<JsonNode> active) {
      if (schema.isBoolean()) {
        if (!schema.booleanValue()) {
          problems.add(prefix(path, arguments) + "no value is allowed here, got " + JsonValues.describe(value));
        }
        return;
      }
      if (!schema.isObject()) {
        return;
      }
      if (!checkType(schema, value, path)) {
        // A wrong type makes every further keyword noise (an enum of strings against a number …).
        return;
      }
      checkEnumAndConst(schema, value, path);
      if (value.isObject()) {
        checkObject(schema, (ObjectNode) value, path);
      } else if (value.isArray()) {
        checkArray(schema, value, path);
      }
      JsonNode ref = schema.get("$ref");
      if (ref != null && ref.isTextual()) {
        check(resolve(ref.textValue()), value, path, active);
      }
      JsonNode allOf = schema.get("allOf");
      if (allOf != null && allOf.isArray()) {
        for (JsonNode part : allOf) {
          check(part, value, path, active);
        }
      }
      checkAlternatives(schema.get("anyOf"), value, path, active);
      checkAlternatives(schema.get("oneOf"), value, path, active);
    }

    private boolean checkType(JsonNode schema, JsonNode value, String path) {
      JsonNode type = schema.get("type");
      if (type == null) {
        return true;
      }
      List<String> allowed = new ArrayList<>();
      if (type.isTextual()) {
        allowed.add(type.textValue());
      } else if (type.isArray()) {
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
      problems.add(prefix(path, arguments) + "expected " + String.join(" or ", allowed) + ", got "
          + JsonValues.describe(value));
      return false;
    }

    private void checkEnumAndConst(JsonNode schema, JsonNode value, String path) {
      JsonNode constant = schema.get("const");
      if (constant != null && !JsonValues.jsonEquals(constant, value)) {
        problems.add(prefix(path, arguments) + "expected " + constant + ", got " + JsonValues.describe(value));
      }
      JsonNode options = schema.get("enum");
      if (options == null || !options.isArray()) {
        return;
      }
      for (JsonNode option : options) {
        if (JsonValues.jsonEquals(option, value)) {
          return;
        }
      }
      List<String> shown = new ArrayList<>();
      for (JsonNode option : options) {
        if (shown.size() == MAX_ENUM_SHOWN) {
          shown.add("… (" + options.size() + " in all)");
          break;
        }
        shown.add(option.toString());
      }
      problems.add(prefix(path, arguments) + "expected one of " + String.join(", ", shown) + ", got "
          + JsonValues.describe(value));
    }

    private void checkObject(JsonNode schema, ObjectNode value, String path) {
      JsonNode required = schema.get("required");
      if (required != null && required.isArray()) {
        for (JsonNode name : required) {
          if (!value.has(name.asText())) {
            problems.add(path.isEmpty()
                ? "missing required " + (arguments ? "argument" : "property") + " '" + name.asText() + "'"
                : path + ": missing required property '" + name.asText() + "'");
          }
        }
      }
      for (Map.Entry<String, JsonNode> dependency : schema.path("dependentRequired").properties()) {
        if (!value.has(dependency.getKey())) {
          continue;
        }
        for (JsonNode name : dependency.getValue()) {
          if (!value.has(name.asText())) {
            String given = path.isEmpty() ? "argument '" + dependency.getKey() + "'"
                : path + ": property '" + dependency.getKey() + "'";
            problems.add("missing " + (path.isEmpty() ? "argument '" : "property '") + name.asText()
                + "', required when " + given + " is given");
          }
        }
      }
      JsonNode properties = schema.path("properties");
      JsonNode additional = schema.get("additionalProperties");
      JsonNode patternProperties = schema.path("patternProperties");
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        String name = field.getKey();
        String childPath = path.isEmpty() ? name : path + "." + name;
        JsonNode declared = properties.get(name);
        boolean matchedPattern = false;
        for (Map.Entry<String, JsonNode> pattern : patternProperties.properties()) {
          if (matches(pattern.getKey(), name)) {
            matchedPattern = true;
            check(pattern.getValue(), field.getValue(), childPath, newActiveSet());
          }
        }
        if (declared != null) {
          check(declared, field.getValue(), childPath, newActiveSet());
        } else if (!matchedPattern && additional != null) {
          if (additional.isBoolean() && !additional.booleanValue()) {
            problems.add(path.isEmpty()
                ? "unknown " + (arguments ? "argument" : "property") + " '" + name + "'" + knownNames(properties)
                : path + ": unknown property '" + name + "'" + knownNames(properties));
          } else {
            check(additional, field.getValue(), childPath, newActiveSet());
          }
        }
      }
    }

    private void checkArray(JsonNode schema, JsonNode value, String path) {
      JsonNode items = schema.get("items");
      if (items == null) {
        return;
      }
      for (int i = 0; i < value.size(); i++) {
        JsonNode itemSchema = items.isArray() ? items.get(i) : items;
        if (itemSchema != null) {
          check(itemSchema, value.get(i), path + "[" + i + "]", newActiveSet());
        }
      }
    }

    private void checkAlternatives(JsonNode alternatives, JsonNode value, String path, Set<JsonNode> active) {
      if (alternatives == null || !alternatives.isArray() || alternatives.isEmpty()) {
        return;
      }
      List<String> failures = new ArrayList<>();
      int index = 0;
      for (JsonNode alternative : alternatives) {
        index++;
        List<String> branchProblems = new ArrayList<>();
        new Walk(root, branchProblems, arguments).check(alternative, value, path, active);
        if (branchProblems.isEmpty()) {
          return;
        }
        failures.add("option " + index + ": " + String.join(", ", branchProblems));
      }
      problems.add((path.isEmpty() ? (arguments ? "arguments" : "value") : path) + ": matches none of the "
          + alternatives.size()
          + " allowed alternatives (" + String.join("; ", failures) + ")");
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
  }

  private boolean matches(String regex, String name) {
    Pattern pattern = patterns.computeIfAbsent(regex, r -> {
      try {
        return Pattern.compile(r);
      } catch (PatternSyntaxException e) {
        // An unusable pattern matches nothing; the name is then judged by additionalProperties.
        return Pattern.compile("(?!)");
      }
    });
    return pattern.matcher(name).find();
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

  private static String prefix(String path, boolean arguments) {
    return path.isEmpty() ? (arguments ? "arguments: " : "value: ") : path + ": ";
  }

  private static String knownNames(JsonNode properties) {
    if (properties.isEmpty()) {
      return "";
    }
    return " (known: "
        + properties.properties().stream().map(Map.Entry::getKey).collect(Collectors.joining(", ")) + ")";
  }
}
