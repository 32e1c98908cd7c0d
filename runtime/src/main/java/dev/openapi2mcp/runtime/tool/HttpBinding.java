package dev.openapi2mcp.runtime.tool;

import java.util.List;
import java.util.Objects;

/**
 * How one tool call becomes one HTTP request.
 *
 * @param method the upper-case HTTP method
 * @param pathTemplate the OpenAPI path, relative to the base URL, with {@code {name}} placeholders
 * @param parameters bindings of arguments to path, query, header and cookie parameters, in spec order
 * @param body the request body binding, or null when the operation takes none
 * @param security alternative requirements: the first whose schemes all have credentials is applied;
 *     an empty list means no credentials are attached
 */
public record HttpBinding(
    String method,
    String pathTemplate,
    List<ParameterBinding> parameters,
    RequestBody body,
    List<List<String>> security) {

  public HttpBinding {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathTemplate, "pathTemplate");
    parameters = List.copyOf(parameters);
    security = security.stream().map(List::copyOf).toList();
  }
}
