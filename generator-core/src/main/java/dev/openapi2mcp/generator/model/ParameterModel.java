package dev.openapi2mcp.generator.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One operation parameter, after path-level and operation-level parameters were merged.
 *
 * @param name the name on the wire
 * @param in where it travels
 * @param description the parameter's description, or null
 * @param required whether the operation requires it (always true for path parameters)
 * @param deprecated whether the spec marks it deprecated
 * @param schema its schema in the spec's own OpenAPI dialect (possibly a {@code $ref}); read-only
 * @param style the serialization style the spec gives, or null for the location's default
 * @param explode the explode flag the spec gives, or null for the style's default
 * @param extensions its {@code x-mcp-*} extensions
 */
public record ParameterModel(
    String name,
    ParameterIn in,
    String description,
    boolean required,
    boolean deprecated,
    JsonNode schema,
    String style,
    Boolean explode,
    ArgumentExtensions extensions) {

  public ParameterModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(schema, "schema");
    extensions = extensions == null ? ArgumentExtensions.NONE : extensions;
  }

  /** A parameter without extensions. */
  public ParameterModel(String name, ParameterIn in, String description, boolean required, boolean deprecated,
      JsonNode schema, String style, Boolean explode) {
    this(name, in, description, required, deprecated, schema, style, explode, ArgumentExtensions.NONE);
  }
}
