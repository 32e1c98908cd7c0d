package dev.openapi2mcp.runtime.tool;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The result of {@code tools/call}. Failures of the API or of argument checks are results with
 * {@code isError} set, never protocol errors, so that the model can read them and correct itself.
 *
 * @param content the content blocks, at least one
 * @param structuredContent the JSON object result when the tool declares an outputSchema, else null
 * @param isError whether the call failed
 */
public record ToolResult(List<Content> content, JsonNode structuredContent, boolean isError) {

  public ToolResult {
    content = List.copyOf(content);
  }

  public static ToolResult text(String text) {
    return new ToolResult(List.of(new Content.Text(text)), null, false);
  }

  public static ToolResult error(String text) {
    return new ToolResult(List.of(new Content.Text(text)), null, true);
  }
}
