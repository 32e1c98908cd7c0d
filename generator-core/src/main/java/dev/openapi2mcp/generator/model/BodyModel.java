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
 * @param partStyles for multipart and form bodies: property name → the serialization its {@code encoding} entry
 *     sets with {@code style} and/or {@code explode} (only entries that set one), sorted by name; else empty
 */
public record BodyModel(String mediaType, boolean required, String description, JsonNode schema, String pointer,
    Map<String, String> partContentTypes, Map<String, PartStyle> partStyles) {

  /**
   * An Encoding Object's RFC 6570-style serialization, defaults applied: {@code style} defaults to {@code form},
   * {@code explode} to true for {@code form} and false otherwise.
   */
  public record PartStyle(String style, boolean explode) {
    public PartStyle {
      Objects.requireNonNull(style, "style");
    }
  }

  public BodyModel {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(schema, "schema");
    partContentTypes = partContentTypes == null
        ? Map.of()
        : Collections.unmodifiableMap(new TreeMap<>(partContentTypes));
    partStyles = partStyles == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(partStyles));
  }

  /** A body whose {@code encoding} entries set no serialization style. */
  public BodyModel(String mediaType, boolean required, String description, JsonNode schema, String pointer,
      Map<String, String> partContentTypes) {
    this(mediaType, required, description, schema, pointer, partContentTypes, Map.of());
  }

  /** A body without {@code encoding} entries. */
  public BodyModel(String mediaType, boolean required, String description, JsonNode schema, String pointer) {
    this(mediaType, required, description, schema, pointer, Map.of(), Map.of());
  }
}
