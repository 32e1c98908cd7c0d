package dev.openapi2mcp.generator;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One API of a server: its OpenAPI description and how its operations become tools. A plain server has one; a
 * service catalog has several, each under its own namespace.
 *
 * @param inputSpec the OpenAPI description: a file path or an {@code http(s)}/{@code file} URL, JSON or YAML
 * @param namespace the prefix of this API's tool names and credential variables in a catalog, or null for a
 *     server of one API (whose tool names are not prefixed)
 * @param serverUrl the API base URL to generate in place of the spec's servers, or null to take it from the spec
 * @param serverVariables values for the variables of the spec's first server, overriding their defaults
 * @param filter which operations become tools (default: all of them)
 * @param overrides the overrides file (YAML) for this API's tools, or null for none
 */
public record ApiSource(
    String inputSpec,
    String namespace,
    String serverUrl,
    Map<String, String> serverVariables,
    ToolFilter filter,
    Path overrides) {

  public ApiSource {
    Objects.requireNonNull(inputSpec, "inputSpec");
    namespace = namespace == null || namespace.isBlank() ? null : namespace.strip();
    serverUrl = serverUrl == null || serverUrl.isBlank() ? null : serverUrl.strip();
    serverVariables = serverVariables == null
        ? Map.of()
        : Collections.unmodifiableMap(new TreeMap<>(serverVariables));
    filter = filter == null ? ToolFilter.ALL : filter;
  }

  /** The API of a plain server: every operation, no namespace, servers and overrides as the spec has them. */
  public static ApiSource of(String inputSpec) {
    return new ApiSource(inputSpec, null, null, Map.of(), ToolFilter.ALL, null);
  }

  public ApiSource withNamespace(String value) {
    return new ApiSource(inputSpec, value, serverUrl, serverVariables, filter, overrides);
  }

  public ApiSource withServerUrl(String value) {
    return new ApiSource(inputSpec, namespace, value, serverVariables, filter, overrides);
  }

  public ApiSource withServerVariables(Map<String, String> values) {
    return new ApiSource(inputSpec, namespace, serverUrl, values, filter, overrides);
  }

  public ApiSource withFilter(ToolFilter value) {
    return new ApiSource(inputSpec, namespace, serverUrl, serverVariables, value, overrides);
  }

  public ApiSource withOverrides(Path value) {
    return new ApiSource(inputSpec, namespace, serverUrl, serverVariables, filter, value);
  }
}
