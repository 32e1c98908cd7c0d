package dev.openapi2mcp.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import java.util.Map;

/**
 * The argument values a tool's definition supplies itself: defaults for arguments a call leaves out, and fixed
 * values the operator chose (see {@link ToolDefinition#fixedArguments()}).
 *
 * <p>They are applied after validation: a fixed argument is not in the input schema, so a caller who sends one
 * has already been refused as giving an unknown argument; and a default that is checked at generation time is not
 * the caller's mistake to be told about.
 */
final class PresetArguments {
  private PresetArguments() {}

  /**
   * A copy of the validated {@code arguments} with each default filled in where the argument is absent, and each
   * fixed value set. The definition's values were checked to be JSON when it was built.
   */
  static ObjectNode apply(ToolDefinition tool, ObjectNode arguments) {
    if (tool.fixedArguments().isEmpty() && tool.defaultArguments().isEmpty()) {
      return arguments;
    }
    ObjectNode effective = arguments.deepCopy();
    for (Map.Entry<String, String> preset : tool.defaultArguments().entrySet()) {
      if (!effective.has(preset.getKey())) {
        effective.set(preset.getKey(), parse(preset.getValue()));
      }
    }
    for (Map.Entry<String, String> preset : tool.fixedArguments().entrySet()) {
      effective.set(preset.getKey(), parse(preset.getValue()));
    }
    return effective;
  }

  private static JsonNode parse(String json) {
    try {
      return JsonText.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a preset argument value is not JSON, though it was checked", e);
    }
  }
}
