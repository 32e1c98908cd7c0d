package dev.openapi2mcp.generator.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * The response of an operation that a successful call returns as JSON: the lowest {@code 2xx} status (exact
 * codes before {@code 2XX}) that has a JSON media type, or {@code default} when the operation lists no {@code 2xx}
 * response at all.
 *
 * @param status the status key as the spec writes it, e.g. {@code 200}, {@code 2XX} or {@code default}
 * @param mediaType the JSON media type, as the spec spells it
 * @param schema its schema in the spec's OpenAPI dialect; read-only
 * @param pointer a JSON pointer to that schema in the spec, for diagnostics
 */
public record ResponseModel(String status, String mediaType, JsonNode schema, String pointer) {
  public ResponseModel {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(pointer, "pointer");
  }
}
