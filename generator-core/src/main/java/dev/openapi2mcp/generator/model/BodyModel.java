package dev.openapi2mcp.generator.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * The request body of an operation, for the one media type chosen (JSON first, then form-urlencoded, then the
 * first listed).
 *
 * @param mediaType the chosen media type, as the spec spells it
 * @param required whether the operation requires a body
 * @param description the request body's description, or null
 * @param schema its schema in the spec's OpenAPI dialect ({@code {}} when the media type gives none); read-only
 * @param pointer a JSON pointer to that schema in the spec, for diagnostics
 */
public record BodyModel(String mediaType, boolean required, String description, JsonNode schema, String pointer) {

  public BodyModel {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(schema, "schema");
  }
}
