package dev.openapi2mcp.generator.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.generator.tool.ToolHints;
import dev.openapi2mcp.generator.tool.ToolModel;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The {@code tools/list} result the generated server sends, built from the tool models: what the model sees.
 *
 * <p>It mirrors the runtime's {@code ToolCatalog} at the newest protocol revision (titles, output schemas and
 * annotations included) for a client that gets every tool on one page: per tool {@code name}, {@code title} (when
 * the tool has one), {@code description}, {@code inputSchema}, {@code outputSchema} (when it has one) and
 * {@code annotations} (only the hints that differ from MCP's defaults, left out when none do; issue 6); the result is
 * {@code {"tools":[…]}}. Sizes are of compact UTF-8 JSON, as the server writes it. A test holds this to the JSON
 * a running generated server returns, byte for byte.
 */
public final class ToolsListJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ToolsListJson() {}

  /** One tool as {@code tools/list} shows it. */
  public static ObjectNode tool(ToolModel tool) {
    ObjectNode node = JSON.objectNode();
    node.put("name", tool.name());
    if (tool.title() != null) {
      node.put("title", tool.title());
    }
    node.put("description", tool.description());
    node.set("inputSchema", parse(tool.inputSchema(), tool.name()));
    if (tool.outputSchema() != null) {
      node.set("outputSchema", parse(tool.outputSchema(), tool.name()));
    }
    ObjectNode annotations = annotations(tool.hints());
    if (!annotations.isEmpty()) {
      node.set("annotations", annotations);
    }
    return node;
  }

  /**
   * The hints that differ from MCP's defaults (readOnly false; destructive true and idempotent false, both only
   * meaningful when not read-only; openWorld true). The annotation title, always the tool's title in generated
   * code, is left out since the tool's own {@code title} carries it.
   */
  private static ObjectNode annotations(ToolHints hints) {
    ObjectNode annotations = JSON.objectNode();
    if (hints.readOnly()) {
      annotations.put("readOnlyHint", true);
    } else {
      if (!hints.destructive()) {
        annotations.put("destructiveHint", false);
      }
      if (hints.idempotent()) {
        annotations.put("idempotentHint", true);
      }
    }
    if (!hints.openWorld()) {
      annotations.put("openWorldHint", false);
    }
    return annotations;
  }

  /** The whole result: {@code {"tools":[…]}} in the tools' order. */
  public static ObjectNode result(List<ToolModel> tools) {
    ObjectNode result = JSON.objectNode();
    ArrayNode array = result.putArray("tools");
    tools.forEach(tool -> array.add(tool(tool)));
    return result;
  }

  /** The size of {@code node} as compact UTF-8 JSON. */
  public static int bytes(JsonNode node) {
    return compact(node).length;
  }

  /** {@code node} as compact UTF-8 JSON, as the server sends it. */
  public static byte[] compact(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code node} pretty-printed for people: two-space indents, {@code \n} line ends, a final newline. */
  public static String pretty(JsonNode node) {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return MAPPER.writer(printer).writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }


  private static JsonNode parse(String json, String toolName) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("tool " + toolName + ": generated schema is not JSON", e);
    }
  }
}
