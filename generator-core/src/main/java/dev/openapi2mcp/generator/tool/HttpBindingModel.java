package dev.openapi2mcp.generator.tool;

import dev.openapi2mcp.generator.model.HttpMethod;
import java.util.List;
import java.util.Objects;

/**
 * How one tool call becomes one HTTP request.
 *
 * @param method the HTTP method
 * @param path the path template, relative to the base URL
 * @param parameters the parameter bindings, in spec order
 * @param body the body binding, or null when the operation takes no body
 * @param security the alternative security requirements, as in {@code OperationModel#security()}
 */
public record HttpBindingModel(
    HttpMethod method,
    String path,
    List<ParameterBindingModel> parameters,
    BodyBindingModel body,
    List<List<String>> security) {

  public HttpBindingModel {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    parameters = List.copyOf(parameters);
    security = security.stream().map(List::copyOf).toList();
  }
}
