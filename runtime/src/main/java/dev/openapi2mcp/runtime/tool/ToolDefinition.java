package dev.openapi2mcp.runtime.tool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One MCP tool backed by one API operation: what {@code tools/list} shows, and how {@code tools/call} reaches
 * the API. Generated code builds these with {@link #builder(String)}; nothing else in a generated server has
 * behaviour. A hand-written tool (issue 4) has a {@link ToolHandler} in place of the HTTP binding.
 *
 * <p>Invariant: exactly one of {@code http} and {@code handler} is set.
 *
 * @param name the unique tool name, {@code [A-Za-z0-9_.-]{1,64}}
 * @param title a human-readable title, or null
 * @param description the description shown to the model
 * @param inputSchema a JSON Schema 2020-12 object schema, as JSON text
 * @param outputSchema a JSON Schema 2020-12 object schema of the structured result, as JSON text, or null
 * @param annotations the behaviour hints
 * @param http the HTTP binding, or null for a hand-written tool
 * @param api the name of the {@link ApiDefinition} whose base URL and credentials the tool uses in a service
 *     catalog, or null in a server of one API (and for hand-written tools that call no API themselves)
 * @param handler the plain-Java body of a hand-written tool, or null for a tool backed by an API operation
 */
public record ToolDefinition(
    String name,
    String title,
    String description,
    String inputSchema,
    String outputSchema,
    ToolAnnotations annotations,
    HttpBinding http,
    String api,
    ToolHandler handler) {

  public ToolDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(inputSchema, "inputSchema");
    Objects.requireNonNull(annotations, "annotations");
    if ((http == null) == (handler == null)) {
      throw new IllegalArgumentException("tool '" + name + "' needs either an HTTP binding or a handler, "
          + (http == null ? "it has neither" : "not both"));
    }
  }

  /** A tool backed by an API operation of a server of one API. */
  public ToolDefinition(String name, String title, String description, String inputSchema, String outputSchema,
      ToolAnnotations annotations, HttpBinding http) {
    this(name, title, description, inputSchema, outputSchema, annotations, http, null, null);
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Fluent builder used by generated code; each call maps to one fact of the OpenAPI operation. */
  public static final class Builder {
    private final String name;
    private String title;
    private String description = "";
    private String inputSchema = "{\"type\":\"object\"}";
    private String outputSchema;
    private Boolean readOnlyHint;
    private Boolean destructiveHint;
    private Boolean idempotentHint;
    private Boolean openWorldHint;
    private String method;
    private String pathTemplate;
    private final List<ParameterBinding> parameters = new ArrayList<>();
    private RequestBody body;
    private final List<List<String>> security = new ArrayList<>();
    private String api;
    private ToolHandler handler;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    public Builder title(String value) {
      this.title = value;
      return this;
    }

    public Builder description(String value) {
      this.description = value;
      return this;
    }

    public Builder inputSchema(String json) {
      this.inputSchema = json;
      return this;
    }

    public Builder outputSchema(String json) {
      this.outputSchema = json;
      return this;
    }

    public Builder readOnlyHint(boolean value) {
      this.readOnlyHint = value;
      return this;
    }

    public Builder destructiveHint(boolean value) {
      this.destructiveHint = value;
      return this;
    }

    public Builder idempotentHint(boolean value) {
      this.idempotentHint = value;
      return this;
    }

    public Builder openWorldHint(boolean value) {
      this.openWorldHint = value;
      return this;
    }

    public Builder http(String httpMethod, String path) {
      this.method = httpMethod;
      this.pathTemplate = path;
      return this;
    }

    public Builder parameter(ParameterBinding binding) {
      parameters.add(binding);
      return this;
    }

    public Builder body(RequestBody value) {
      this.body = value;
      return this;
    }

    /** Adds one alternative security requirement: all the named schemes together. */
    public Builder security(String... schemeNames) {
      security.add(Arrays.asList(schemeNames));
      return this;
    }

    /** The API of a service catalog whose base URL and credentials this tool uses. */
    public Builder api(String apiName) {
      this.api = apiName;
      return this;
    }

    /** Makes this a hand-written tool: {@code handler} runs instead of an HTTP request. */
    public Builder handler(ToolHandler value) {
      this.handler = value;
      return this;
    }

    /**
     * @throws IllegalArgumentException when the tool has both or neither of {@link #http} and {@link #handler}
     */
    public ToolDefinition build() {
      if (method == null && handler == null) {
        throw new IllegalArgumentException("tool '" + name + "' needs http(method, path) or a handler");
      }
      HttpBinding binding = method == null ? null : new HttpBinding(method, pathTemplate, parameters, body, security);
      return new ToolDefinition(
          name,
          title,
          description,
          inputSchema,
          outputSchema,
          new ToolAnnotations(title, readOnlyHint, destructiveHint, idempotentHint, openWorldHint),
          binding,
          api,
          handler);
    }
  }
}
