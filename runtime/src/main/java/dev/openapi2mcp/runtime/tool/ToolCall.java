package dev.openapi2mcp.runtime.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One call of a tool as a {@link ToolHook} sees it (issue 4): the tool, its arguments and the extra headers for the
 * upstream request. Immutable apart from the arguments node, which belongs to this call.
 *
 * @param tool the tool being called
 * @param arguments the arguments
 * @param headers extra request headers for the API, by name; ignored by hand-written tools
 * @param context who is calling
 */
public record ToolCall(ToolDefinition tool, ObjectNode arguments, Map<String, String> headers, CallContext context) {

  public ToolCall {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(arguments, "arguments");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** The same call with other arguments. */
  public ToolCall withArguments(ObjectNode value) {
    return new ToolCall(tool, value, headers, context);
  }

  /** The same call with one more (or a replaced) upstream request header. */
  public ToolCall withHeader(String name, String value) {
    Map<String, String> changed = new LinkedHashMap<>(headers);
    changed.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new ToolCall(tool, arguments, changed, context);
  }
}
