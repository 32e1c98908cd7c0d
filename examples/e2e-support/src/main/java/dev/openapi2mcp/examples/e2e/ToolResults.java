package dev.openapi2mcp.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Content;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.IOException;

/** Reading and checking the result of a {@code tools/call} as the end-to-end tests do. */
public final class ToolResults {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ToolResults() {}

  /** Fails unless the call succeeded, showing its text. */
  public static void assertSucceeded(CallToolResult result) {
    assertThat(result.isError()).as("isError of a call that should succeed: %s", text(result)).isNotEqualTo(true);
  }

  /** The result's text; fails when any content is not text, since the generated tools return only text. */
  public static String text(CallToolResult result) {
    StringBuilder text = new StringBuilder();
    for (Content content : result.content()) {
      assertThat(content).isInstanceOf(TextContent.class);
      text.append(((TextContent) content).text());
    }
    return text.toString();
  }

  /** The result's text read as JSON. */
  public static JsonNode json(CallToolResult result) throws IOException {
    return JSON.readTree(text(result));
  }
}
