package dev.openapi2mcp.generator.tool;

import dev.openapi2mcp.generator.model.ParameterIn;
import java.util.Objects;

/**
 * Binds one tool argument to one HTTP parameter.
 *
 * @param argument the property name in the tool's input schema
 * @param name the parameter name on the wire
 * @param in where it travels
 * @param style the serialization style, never null (the location's default when the spec gives none)
 * @param explode the explode flag (the style's default when the spec gives none)
 * @param required whether the argument is required
 */
public record ParameterBindingModel(
    String argument, String name, ParameterIn in, String style, boolean explode, boolean required) {

  public ParameterBindingModel {
    Objects.requireNonNull(argument, "argument");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(style, "style");
  }

  /** OpenAPI's default style per location: {@code form} for query and cookie, {@code simple} otherwise. */
  public static String defaultStyle(ParameterIn in) {
    return in == ParameterIn.QUERY || in == ParameterIn.COOKIE ? "form" : "simple";
  }

  /** OpenAPI's default explode per style: true for {@code form} only. */
  public static boolean defaultExplode(String style) {
    return style.equals("form");
  }

  /** Whether style and explode are the location's defaults, so that generated code can leave them out. */
  public boolean hasDefaultStyle() {
    return style.equals(defaultStyle(in)) && explode == defaultExplode(style);
  }
}
