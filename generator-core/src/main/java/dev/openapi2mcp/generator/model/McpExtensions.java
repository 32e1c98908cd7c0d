package dev.openapi2mcp.generator.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.generator.diagnostics.Diagnostics;
import dev.openapi2mcp.generator.diagnostics.JsonPointers;
import dev.openapi2mcp.generator.diagnostics.Suggestions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the {@code x-mcp-*} extensions of operations, parameters and body properties (issue 4), from the JSON form
 * of their extension members.
 *
 * <p>An extension of the wrong type is an error naming it; an unknown {@code x-mcp-} member is a warning with the
 * nearest known one, since other tools may use the prefix too. Members without the prefix are not ours.
 */
public final class McpExtensions {
  /** The prefix of every extension read here. */
  public static final String PREFIX = "x-mcp-";

  /** The hints {@code x-mcp-annotations} and the overrides file's {@code annotations} may set. */
  public static final List<String> HINTS = List.of("readOnlyHint", "destructiveHint", "idempotentHint",
      "openWorldHint");

  static final List<String> OPERATION_KEYS = List.of("x-mcp-name", "x-mcp-title", "x-mcp-description",
      "x-mcp-exclude", "x-mcp-annotations");
  static final List<String> ARGUMENT_KEYS = List.of("x-mcp-description", "x-mcp-hidden", "x-mcp-value",
      "x-mcp-default");

  private McpExtensions() {}

  /**
   * The extensions of the operation at {@code pointer}.
   *
   * @param members the operation's extension members as a JSON object (null or missing for none)
   */
  public static OperationExtensions operation(JsonNode members, String pointer, String operationId,
      Diagnostics diagnostics) {
    if (members == null || !members.isObject()) {
      return OperationExtensions.none(pointer);
    }
    Reader reader = new Reader(members, pointer, operationId, diagnostics);
    reader.unknown(OPERATION_KEYS, "an operation");
    Map<String, Boolean> annotations = new TreeMap<>();
    JsonNode hints = members.get("x-mcp-annotations");
    String hintsPointer = JsonPointers.append(pointer, "x-mcp-annotations");
    if (hints != null && !hints.isObject()) {
      diagnostics.error("invalid x-mcp-annotations: expected an object of hints (" + String.join(", ", HINTS)
          + ")", hintsPointer, operationId);
    } else if (hints != null) {
      hints.properties().forEach(hint -> {
        String at = JsonPointers.append(hintsPointer, hint.getKey());
        if (!HINTS.contains(hint.getKey())) {
          diagnostics.error("unknown hint '" + hint.getKey() + "' in x-mcp-annotations"
              + suggestionOrList(hint.getKey(), HINTS), at, operationId);
        } else if (!hint.getValue().isBoolean()) {
          diagnostics.error("invalid " + hint.getKey() + " in x-mcp-annotations: expected true or false", at,
              operationId);
        } else {
          annotations.put(hint.getKey(), hint.getValue().booleanValue());
        }
      });
    }
    return new OperationExtensions(reader.text("x-mcp-name"), reader.text("x-mcp-title"),
        reader.text("x-mcp-description"), reader.bool("x-mcp-exclude"), annotations, pointer);
  }

  /**
   * The extensions of the parameter or body property whose JSON is {@code members}, found at {@code pointer}.
   * For a body property, {@code members} is its schema, where the extensions sit beside the keywords.
   */
  public static ArgumentExtensions argument(JsonNode members, String pointer, String operationId,
      Diagnostics diagnostics) {
    if (members == null || !members.isObject()) {
      return ArgumentExtensions.NONE;
    }
    Reader reader = new Reader(members, pointer, operationId, diagnostics);
    reader.unknown(ARGUMENT_KEYS, "a parameter or body property");
    ArgumentExtensions read = new ArgumentExtensions(reader.text("x-mcp-description"),
        reader.bool("x-mcp-hidden"), members.get("x-mcp-value"), members.get("x-mcp-default"), pointer);
    boolean any = read.description() != null || read.hidden() != null || read.value() != null
        || read.defaultValue() != null;
    return any ? read : ArgumentExtensions.NONE;
  }

  private static String suggestionOrList(String unknown, List<String> known) {
    String suggestion = Suggestions.didYouMean(unknown, known);
    return suggestion.isEmpty() ? ": expected one of " + String.join(", ", known) : suggestion;
  }

  /** Typed access to one object's extension members, reporting those of the wrong type. */
  private record Reader(JsonNode members, String pointer, String operationId, Diagnostics diagnostics) {

    void unknown(List<String> known, String where) {
      members.properties().forEach(member -> {
        String key = member.getKey();
        if (key.startsWith(PREFIX) && !known.contains(key)) {
          diagnostics.warning("unknown extension " + key + " on " + where + " is ignored"
              + suggestionOrList(key, known), JsonPointers.append(pointer, key), operationId);
        }
      });
    }

    String text(String key) {
      JsonNode value = members.get(key);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isTextual()) {
        diagnostics.error("invalid " + key + ": expected a string", JsonPointers.append(pointer, key), operationId);
        return null;
      }
      return value.textValue().strip();
    }

    Boolean bool(String key) {
      JsonNode value = members.get(key);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isBoolean()) {
        diagnostics.error("invalid " + key + ": expected true or false", JsonPointers.append(pointer, key),
            operationId);
        return null;
      }
      return value.booleanValue();
    }
  }
}
