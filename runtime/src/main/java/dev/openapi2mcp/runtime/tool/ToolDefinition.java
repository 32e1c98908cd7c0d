package dev.openapi2mcp.runtime.tool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One MCP tool backed by one API operation: what {@code tools/list} shows, and how {@code tools/call} reaches
 * the API. Generated code builds these with {@link #builder(String)}; nothing else in a generated server has
 * behaviour.
 *
 * @param name the unique tool name, {@code [A-Za-z0-9_.-]{1,64}}
 * @param title a human-readable title, or null
 * @param description the description shown to the model
 * @param inputSchema a JSON Schema 2020-12 object schema, as JSON text
 * @param outputSchema a JSON Schema 2020-12 object schema of the structured result, as JSON text, or null
 * @param annotations the behaviour hints
 * @param http the HTTP binding
 */
public record ToolDefinition(
    String name,
    String title,
    String description,
    String inputSchema,
    String outputSchema,
    ToolAnnotations annotations,
    HttpBinding http) {

  public ToolDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(inputSchema, "inputSchema");
    Objects.requireNonNull(annotations, "annotations");
    Objects.requireNonNull(http, "http");
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

    public ToolDefinition build() {
      return new ToolDefinition(
          name,
          title,
          description,
          inputSchema,
          outputSchema,
          new ToolAnnotations(title, readOnlyHint, destructiveHint, idempotentHint, openWorldHint),
          new HttpBinding(method, pathTemplate, parameters, body, security));
    }
  }
}
