package dev.openapi2mcp.generator.model;

import java.util.List;
import java.util.Objects;

/**
 * One API operation.
 *
 * @param operationId the spec's operationId, or null when it has none
 * @param method the HTTP method
 * @param path the path template as the spec writes it, e.g. {@code /pet/{petId}}
 * @param summary the summary, or null
 * @param description the description, or null
 * @param deprecated whether the spec marks the operation deprecated
 * @param parameters path-level and operation-level parameters merged (the operation's win by name and location),
 *     path-level ones first, each list in spec order
 * @param body the request body, or null when the operation takes none
 * @param security alternative requirements (each a list of scheme names that apply together), the operation's own
 *     or else the document's; an empty alternative means "no credentials needed". Only schemes in
 *     {@link ApiModel#securitySchemes()} appear.
 * @param pointer a JSON pointer to the operation in the spec, e.g. {@code /paths/~1pet/get}
 * @param response the JSON response of a successful call, or null when it returns none (see
 *     {@link ResponseModel})
 * @param tags the operation's tags, in spec order
 * @param extensions its {@code x-mcp-*} extensions
 * @param responses every response the operation documents, in the spec's order, {@code $ref}s resolved
 */
public record OperationModel(
    String operationId,
    HttpMethod method,
    String path,
    String summary,
    String description,
    boolean deprecated,
    List<ParameterModel> parameters,
    BodyModel body,
    List<List<String>> security,
    String pointer,
    ResponseModel response,
    List<String> tags,
    OperationExtensions extensions,
    List<DocumentedResponse> responses) {

  public OperationModel {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(pointer, "pointer");
    parameters = List.copyOf(parameters);
    security = security.stream().map(List::copyOf).toList();
    tags = tags == null ? List.of() : List.copyOf(tags);
    extensions = extensions == null ? OperationExtensions.none(pointer) : extensions;
    responses = responses == null ? List.of() : List.copyOf(responses);
  }

  /** An operation without tags, extensions or documented responses beyond its JSON success response. */
  public OperationModel(String operationId, HttpMethod method, String path, String summary, String description,
      boolean deprecated, List<ParameterModel> parameters, BodyModel body, List<List<String>> security,
      String pointer, ResponseModel response) {
    this(operationId, method, path, summary, description, deprecated, parameters, body, security, pointer, response,
        List.of(), null, List.of());
  }

  /** {@code operationId}, or {@code METHOD path} for an operation without one: how messages name it. */
  public String displayName() {
    return operationId != null ? operationId : method + " " + path;
  }

  /** An operation without a JSON success response. */
  public OperationModel(String operationId, HttpMethod method, String path, String summary, String description,
      boolean deprecated, List<ParameterModel> parameters, BodyModel body, List<List<String>> security,
      String pointer) {
    this(operationId, method, path, summary, description, deprecated, parameters, body, security, pointer, null);
  }
}
