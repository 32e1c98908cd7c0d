package dev.openapi2mcp.examples.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.examples.catalog.generated.CatalogServer;
import dev.openapi2mcp.runtime.tool.Content;
import dev.openapi2mcp.runtime.tool.HandlerContext;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolCall;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolHook;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What this example adds in plain Java to the generated catalog (issue 4): the hand-written tool
 * {@code catalog_findOrdersForUser}, which combines the users and orders APIs, and two hooks: every orders call
 * carries {@code X-Request-Source: mcp}, and e-mail addresses in users results are masked.
 */
public final class CatalogExtensions {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Keeps the first character of the local part: {@code ada.lovelace@example.com} → {@code a***@example.com}. */
  private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9])[A-Za-z0-9._%+-]*@");

  private CatalogExtensions() {}

  /** The generated definition with the hand-written tool and the hooks. */
  public static ServerDefinition definition() {
    ServerDefinition definition = CatalogServer.definition().withTools(findOrdersForUser());
    for (ToolDefinition tool : definition.tools()) {
      if ("orders".equals(tool.api())) {
        definition = definition.withHook(tool.name(), new RequestSourceHook());
      } else if ("users".equals(tool.api())) {
        definition = definition.withHook(tool.name(), new EmailMaskingHook());
      }
    }
    return definition;
  }

  static ToolDefinition findOrdersForUser() {
    return ToolDefinition.builder("catalog_findOrdersForUser")
        .title("Orders of a user")
        .description("Finds a user by id and returns the user's name and team with all of the user's orders. "
            + "Combines the users and orders APIs in one call.")
        .inputSchema("{\"type\":\"object\",\"properties\":{\"userId\":{\"type\":\"integer\",\"description\":"
            + "\"The user's id.\"}},\"required\":[\"userId\"],\"additionalProperties\":false}")
        .readOnlyHint(true).destructiveHint(false).idempotentHint(true).openWorldHint(true)
        .handler(CatalogExtensions::findOrdersForUser)
        .build();
  }

  private static ToolResult findOrdersForUser(ObjectNode arguments, HandlerContext context)
      throws JsonProcessingException {
    int userId = arguments.get("userId").asInt();
    ToolResult user = context.callTool("users_getUser", JSON.createObjectNode().put("userId", userId));
    if (user.isError()) {
      return user;
    }
    ToolResult orders = context.callTool("orders_listOrders", JSON.createObjectNode().put("userId", userId));
    if (orders.isError()) {
      return orders;
    }
    JsonNode found = JSON.readTree(text(user));
    ObjectNode result = JSON.createObjectNode();
    result.put("userId", userId);
    result.put("name", found.path("name").asText());
    result.put("teamId", found.path("teamId").asInt());
    result.set("orders", JSON.readTree(text(orders)));
    return ToolResult.text(JSON.writeValueAsString(result));
  }

  static String text(ToolResult result) {
    StringBuilder text = new StringBuilder();
    result.content().stream().filter(Content.Text.class::isInstance)
        .forEach(block -> text.append(((Content.Text) block).text()));
    return text.toString();
  }

  /** Tells the orders API that the call came through MCP. */
  static final class RequestSourceHook implements ToolHook {
    @Override
    public ToolCall before(ToolCall call) {
      return call.withHeader("X-Request-Source", "mcp");
    }
  }

  /** Masks e-mail addresses in the text and the structured content of a result. */
  static final class EmailMaskingHook implements ToolHook {
    @Override
    public ToolResult after(ToolCall call, ToolResult result) throws JsonProcessingException {
      List<Content> content = result.content().stream()
          .map(block -> block instanceof Content.Text text ? new Content.Text(mask(text.text())) : block)
          .toList();
      JsonNode structured = result.structuredContent() == null ? null
          : JSON.readTree(mask(JSON.writeValueAsString(result.structuredContent())));
      return new ToolResult(content, structured, result.isError());
    }

    static String mask(String text) {
      return EMAIL.matcher(text).replaceAll("$1***@");
    }
  }
}
