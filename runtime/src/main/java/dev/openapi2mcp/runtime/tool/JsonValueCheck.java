package dev.openapi2mcp.runtime.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks that a fixed or default argument value is one JSON value. A class of its own so that {@link ToolDefinition},
 * which every generated server loads, links without Jackson: only tools that have such values load this class.
 */
final class JsonValueCheck {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonValueCheck() {}

  /** Why {@code json} is not one JSON value, or null when it is. */
  static String problem(String json) {
    try {
      return json == null || JSON.readTree(json).isMissingNode() ? "is empty" : null;
    } catch (JsonProcessingException e) {
      return "is not JSON: " + e.getOriginalMessage();
    }
  }
}
