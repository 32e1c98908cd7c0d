package dev.openapi2mcp.generator.naming;

import java.util.Objects;

/**
 * What a tool name is made from.
 *
 * @param operationId the spec's operationId, or null
 * @param method the HTTP method, e.g. {@code GET}
 * @param path the path template, e.g. {@code /pet/{petId}}
 */
public record OperationKey(String operationId, String method, String path) {
  public OperationKey {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
  }

  /** {@code GET /pet/{petId}}: unique per operation in a valid spec, and stable across runs. */
  String identity() {
    return method + " " + path;
  }
}
