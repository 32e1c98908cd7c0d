package dev.openapi2mcp.runtime.tool;

import java.util.Objects;

/**
 * Binds one tool argument to one OpenAPI parameter.
 *
 * <p>{@code argument} is the property name in the tool's inputSchema; {@code name} is the name on the wire
 * (path template variable, query key, header or cookie name). They differ when the naming strategy had to
 * disambiguate, e.g. a header and a query parameter both called {@code id}.
 *
 * @param style the OpenAPI serialization style ({@code simple}, {@code form}, {@code label}, {@code matrix},
 *     {@code spaceDelimited}, {@code pipeDelimited}, {@code deepObject}); never null, defaulted per location
 * @param explode the OpenAPI explode flag, defaulted per style
 */
public record ParameterBinding(
    String argument, String name, ParameterLocation location, String style, boolean explode, boolean required) {

  public ParameterBinding {
    Objects.requireNonNull(argument, "argument");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(style, "style");
  }

  public static ParameterBinding path(String argument, String name) {
    return new ParameterBinding(argument, name, ParameterLocation.PATH, "simple", false, true);
  }

  public static ParameterBinding query(String argument, String name, boolean required) {
    return new ParameterBinding(argument, name, ParameterLocation.QUERY, "form", true, required);
  }

  public static ParameterBinding header(String argument, String name, boolean required) {
    return new ParameterBinding(argument, name, ParameterLocation.HEADER, "simple", false, required);
  }

  public static ParameterBinding cookie(String argument, String name, boolean required) {
    return new ParameterBinding(argument, name, ParameterLocation.COOKIE, "form", true, required);
  }

  /** The same binding with another style and explode flag. */
  public ParameterBinding withStyle(String newStyle, boolean newExplode) {
    return new ParameterBinding(argument, name, location, newStyle, newExplode, required);
  }
}
