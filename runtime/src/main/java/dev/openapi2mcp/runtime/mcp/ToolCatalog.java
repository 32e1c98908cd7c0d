package dev.openapi2mcp.runtime.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The server's tools as {@code tools/list} shows them. Schemas are parsed once, at construction, and each tool is
 * rendered once per revision; requests only slice the prepared lists. The rendered nodes are shared between
 * responses and must not be modified.
 */
final class ToolCatalog {
  private final List<ToolDefinition> tools;
  private final Map<String, ToolDefinition> byName = new HashMap<>();
  private final Map<ProtocolRevision, List<ObjectNode>> rendered = new EnumMap<>(ProtocolRevision.class);

  /**
   * @throws IllegalArgumentException when a tool's inputSchema or outputSchema is not a JSON object, naming the tool
   */
  ToolCatalog(List<ToolDefinition> tools, ObjectMapper mapper) {
    this.tools = List.copyOf(tools);
    Map<String, ObjectNode> inputSchemas = new HashMap<>();
    Map<String, ObjectNode> outputSchemas = new HashMap<>();
    for (ToolDefinition tool : this.tools) {
      byName.put(tool.name(), tool);
      inputSchemas.put(tool.name(), parseSchema(mapper, tool, "inputSchema", tool.inputSchema()));
      if (tool.outputSchema() != null) {
        outputSchemas.put(tool.name(), parseSchema(mapper, tool, "outputSchema", tool.outputSchema()));
      }
    }
    for (ProtocolRevision revision : ProtocolRevision.values()) {
      rendered.put(revision, this.tools.stream()
          .map(t -> render(t, inputSchemas.get(t.name()), outputSchemas.get(t.name()), revision))
          .toList());
    }
  }

  private static ObjectNode parseSchema(ObjectMapper mapper, ToolDefinition tool, String field, String json) {
    JsonNode node;
    try {
      node = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "tool '" + tool.name() + "': " + field + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("tool '" + tool.name() + "': " + field + " must be a JSON object");
    }
    return (ObjectNode) node;
  }

  private static ObjectNode render(
      ToolDefinition tool, ObjectNode inputSchema, ObjectNode outputSchema, ProtocolRevision revision) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("name", tool.name());
    if (revision.hasTitles() && tool.title() != null) {
      node.put("title", tool.title());
    }
    if (tool.description() != null) {
      node.put("description", tool.description());
    }
    node.set("inputSchema", inputSchema);
    if (revision.hasStructuredOutput() && outputSchema != null) {
      node.set("outputSchema", outputSchema);
    }
    if (revision.hasToolAnnotations()) {
      ObjectNode annotations =
          ToolAnnotationsJson.render(tool.annotations(), tool.title(), revision.hasTitles());
      if (!annotations.isEmpty()) {
        node.set("annotations", annotations);
      }
    }
    return node;
  }

  Optional<ToolDefinition> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  int size() {
    return tools.size();
  }

  /**
   * One page of {@code tools/list}.
   *
   * @param cursor the client's cursor, or null for the first page
   * @return the result object: {@code tools} and, only when more remain, {@code nextCursor}
   * @throws JsonRpcException {@code -32602} when the cursor was not issued by this catalog
   */
  ObjectNode page(String cursor, int pageSize, ProtocolRevision revision) throws JsonRpcException {
    int from = 0;
    if (cursor != null) {
      OptionalInt offset = PageCursor.decode(cursor);
      if (offset.isEmpty() || offset.getAsInt() <= 0 || offset.getAsInt() >= tools.size()) {
        throw JsonRpcException.invalidParams("Invalid cursor for tools/list: pass a nextCursor from an earlier page");
      }
      from = offset.getAsInt();
    }
    int to = Math.min(tools.size(), from + pageSize);
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    ArrayNode array = result.putArray("tools");
    rendered.get(revision).subList(from, to).forEach(array::add);
    if (to < tools.size()) {
      result.put("nextCursor", PageCursor.encode(to));
    }
    return result;
  }
}
