package dev.openapi2mcp.generator.tool;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One tool, ready to emit.
 *
 * @param name the unique MCP tool name
 * @param methodName the Java method that builds it in the generated Tools class
 * @param title the chosen title, else the operation's summary unless the description begins with it (issue 6,
 *     {@link ListingOptions#repeatedTitles()}), or null
 * @param description the composed description
 * @param inputSchema a JSON Schema 2020-12 object schema, compact JSON text
 * @param outputSchema a JSON Schema 2020-12 object schema of the structured result, compact JSON text, or null
 * @param hints the behaviour hints
 * @param http the HTTP binding
 * @param fixedArguments argument → JSON text of the value always sent; such arguments are not in the input schema
 * @param defaultArguments argument → JSON text of the value sent when the caller leaves the argument out
 * @param api the namespace of the tool's API in a service catalog (issue 4), or null in a server of one API
 */
public record ToolModel(
    String name,
    String methodName,
    String title,
    String description,
    String inputSchema,
    String outputSchema,
    ToolHints hints,
    HttpBindingModel http,
    Map<String, String> fixedArguments,
    Map<String, String> defaultArguments,
    String api) {

  public ToolModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(methodName, "methodName");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(inputSchema, "inputSchema");
    Objects.requireNonNull(hints, "hints");
    Objects.requireNonNull(http, "http");
    fixedArguments = fixedArguments == null
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(fixedArguments));
    defaultArguments = defaultArguments == null
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(defaultArguments));
  }

  /** A tool without fixed or default argument values. */
  public ToolModel(String name, String methodName, String title, String description, String inputSchema,
      String outputSchema, ToolHints hints, HttpBindingModel http) {
    this(name, methodName, title, description, inputSchema, outputSchema, hints, http, Map.of(), Map.of(), null);
  }

  /** A tool of a server of one API. */
  public ToolModel(String name, String methodName, String title, String description, String inputSchema,
      String outputSchema, ToolHints hints, HttpBindingModel http, Map<String, String> fixedArguments,
      Map<String, String> defaultArguments) {
    this(name, methodName, title, description, inputSchema, outputSchema, hints, http, fixedArguments,
        defaultArguments, null);
  }

  /** A tool without an output schema. */
  public ToolModel(String name, String methodName, String title, String description, String inputSchema,
      ToolHints hints, HttpBindingModel http) {
    this(name, methodName, title, description, inputSchema, null, hints, http, Map.of(), Map.of(), null);
  }

  /** This tool as part of the API {@code namespace} of a catalog, under its final names. */
  public ToolModel inCatalog(String finalName, String finalMethodName, String namespace) {
    return new ToolModel(finalName, finalMethodName, title, description, inputSchema, outputSchema, hints, http,
        fixedArguments, defaultArguments, namespace);
  }
}
