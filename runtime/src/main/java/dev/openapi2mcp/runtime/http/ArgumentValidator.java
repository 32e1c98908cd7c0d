package dev.openapi2mcp.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

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
 * is not applied again, and each descent consumes one level of the finite argument tree); each problem names its
 * argument path ({@code owner.tags[0]: …}). The work of one check is bounded ({@link WalkBudget}): a value that
 * needs more is reported as one problem, "too complex to check" or "nested too deeply to check", so arguments are
 * refused and a response is treated as not conforming. The text is bounded ({@link SchemaProblems}): at most
 * {@value SchemaProblems#MAX_PROBLEMS} problems of at most {@value SchemaProblems#MAX_MESSAGE_CHARS} characters
 * each, and a failed {@code anyOf}/{@code oneOf} names only its first options' first problems, flat. Each distinct
 * schema text is parsed once and cached; instances are thread-safe.
 */
final class ArgumentValidator {
  private final ConcurrentMap<String, JsonNode> schemas = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Pattern> patterns = new ConcurrentHashMap<>();

  /**
   * The problems of {@code arguments} against the tool's input schema; empty when the arguments are acceptable.
   *
   * @throws IllegalStateException when the tool's inputSchema is not JSON (a generator or hand-coding bug)
   */
  List<String> validate(ToolDefinition tool, ObjectNode arguments) {
    JsonNode root = schemas.computeIfAbsent(tool.inputSchema(), text -> parse(tool.name(), "inputSchema", text));
    return check(root, arguments, true);
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
    return check(root, value, false);
  }

  private List<String> check(JsonNode root, JsonNode value, boolean arguments) {
    SchemaProblems problems = SchemaProblems.collecting();
    try {
      new SchemaWalk(root, arguments, new WalkBudget(), this::pattern, problems, true)
          .check(root, value, SchemaWalk.Where.ROOT, newActiveSet());
    } catch (WalkBudget.Exhausted e) {
      return List.of((arguments ? "arguments: " : "value: ") + e.getMessage());
    }
    return problems.messages();
  }

  private static JsonNode parse(String toolName, String which, String text) {
    try {
      return JsonText.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "the " + which + " of tool '" + toolName + "' is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  static Set<JsonNode> newActiveSet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }

  private Pattern pattern(String regex) {
    return patterns.computeIfAbsent(regex, r -> {
      try {
        return Pattern.compile(r);
      } catch (PatternSyntaxException e) {
        // An unusable pattern matches nothing; the name is then judged by additionalProperties.
        return Pattern.compile("(?!)");
      }
    });
  }
}
