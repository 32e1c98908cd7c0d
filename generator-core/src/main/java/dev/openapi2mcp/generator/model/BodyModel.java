package dev.openapi2mcp.generator.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The request body of an operation, for the one media type chosen by {@link MediaTypes#preferred}.
 *
 * @param mediaType the chosen media type, as the spec spells it
 * @param required whether the operation requires a body
 * @param description the request body's description, or null
 * @param schema its schema in the spec's OpenAPI dialect ({@code {}} when the media type gives none); read-only
 * @param pointer a JSON pointer to that schema in the spec, for diagnostics
 * @param partContentTypes for multipart and form bodies: property name → the {@code contentType} its
 *     {@code encoding} entry declares (only entries that declare one), sorted by name; else empty
 */
public record BodyModel(String mediaType, boolean required, String description, JsonNode schema, String pointer,
    Map<String, String> partContentTypes) {

  public BodyModel {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(schema, "schema");
    partContentTypes = partContentTypes == null
        ? Map.of()
        : Collections.unmodifiableMap(new TreeMap<>(partContentTypes));
  }

  /** A body without {@code encoding} entries. */
  public BodyModel(String mediaType, boolean required, String description, JsonNode schema, String pointer) {
    this(mediaType, required, description, schema, pointer, Map.of());
  }
}
