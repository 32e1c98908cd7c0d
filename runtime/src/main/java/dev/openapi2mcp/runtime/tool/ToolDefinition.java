package dev.openapi2mcp.runtime.tool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param fixedArguments argument name → JSON text of the value always sent for it; these arguments are not in the
 *     input schema, so a caller cannot set them (an attempt is an unknown argument), in declaration order
 * @param defaultArguments argument name → JSON text of the value sent when the caller leaves the argument out, in
 *     declaration order; never names a fixed argument
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
    Map<String, String> fixedArguments,
    Map<String, String> defaultArguments,
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
    fixedArguments = jsonValues(name, "fixed", fixedArguments);
    defaultArguments = jsonValues(name, "default", defaultArguments);
    for (String argument : defaultArguments.keySet()) {
      if (fixedArguments.containsKey(argument)) {
        throw new IllegalArgumentException("argument '" + argument + "' of tool '" + name
            + "' has both a fixed and a default value");
      }
    }
  }

  /** A tool backed by an API operation of a server of one API, without fixed or default argument values. */
  public ToolDefinition(String name, String title, String description, String inputSchema, String outputSchema,
      ToolAnnotations annotations, HttpBinding http) {
    this(name, title, description, inputSchema, outputSchema, annotations, http, Map.of(), Map.of(), null, null);
  }

  /** A copy of {@code values} in their order, each checked to be one JSON value, so a typo fails at start-up. */
  private static Map<String, String> jsonValues(String tool, String kind, Map<String, String> values) {
    if (values == null || values.isEmpty()) {
      return Map.of();
    }
    Map<String, String> copy = new LinkedHashMap<>();
    values.forEach((argument, json) -> {
      Objects.requireNonNull(argument, "argument");
      String problem = JsonValueCheck.problem(json);
      if (problem != null) {
        throw new IllegalArgumentException("the " + kind + " value of argument '" + argument + "' of tool '"
            + tool + "' " + problem);
      }
      copy.put(argument, json);
    });
    return Collections.unmodifiableMap(copy);
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
    private final Map<String, String> fixedArguments = new LinkedHashMap<>();
    private final Map<String, String> defaultArguments = new LinkedHashMap<>();
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

    /**
     * Always sends {@code json} (one JSON value, as text) for {@code argument}, which the input schema leaves out:
     * a value the operator chose, never the model.
     */
    public Builder fixedArgument(String argument, String json) {
      fixedArguments.put(argument, json);
      return this;
    }

    /** Sends {@code json} (one JSON value, as text) for {@code argument} when a call leaves it out. */
    public Builder defaultArgument(String argument, String json) {
      defaultArguments.put(argument, json);
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
          fixedArguments,
          defaultArguments,
          api,
          handler);
    }
  }
}
