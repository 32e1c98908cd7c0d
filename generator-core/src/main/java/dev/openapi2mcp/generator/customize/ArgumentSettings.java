package dev.openapi2mcp.generator.customize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.generator.model.ArgumentExtensions;

/**
 * How one tool argument is customized; each field null when not set.
 *
 * <ul>
 *   <li>{@code description} replaces the argument's description in the input schema;</li>
 *   <li>{@code value} fixes the argument: it leaves the input schema and is always sent with this value;</li>
 *   <li>{@code defaultValue} stays in the input schema as {@code default} and is sent when the caller leaves the
 *       argument out (so the argument is no longer required);</li>
 *   <li>{@code hidden} true, without a value, leaves the argument out of the input schema and the request; a
 *       required argument cannot be hidden so.</li>
 * </ul>
 *
 * @param origin where the argument's entry is written (for problems about the entry as a whole)
 */
public record ArgumentSettings(Setting<String> description, Setting<JsonNode> value, Setting<JsonNode> defaultValue,
    Setting<Boolean> hidden, Origin origin) {

  /** Whether any field is set. */
  public boolean isEmpty() {
    return description == null && value == null && defaultValue == null && hidden == null;
  }

  /** Whether the argument leaves the input schema: it has a fixed value or is hidden. */
  public boolean removedFromSchema() {
    return value != null || Setting.valueOr(hidden, false);
  }

  /** The settings an argument's {@code x-mcp-*} extensions make, at their place in the spec. */
  public static ArgumentSettings of(ArgumentExtensions extensions) {
    if (extensions.pointer() == null) {
      return new ArgumentSettings(null, null, null, null, Origin.spec(""));
    }
    Origin at = Origin.spec(extensions.pointer());
    return new ArgumentSettings(
        Setting.of(extensions.description(), at.child("x-mcp-description")),
        Setting.of(extensions.value(), at.child("x-mcp-value")),
        Setting.of(extensions.defaultValue(), at.child("x-mcp-default")),
        Setting.of(extensions.hidden(), at.child("x-mcp-hidden")),
        at);
  }

  /**
   * Each field from {@code preferred} where it is set, else from {@code fallback}: the overrides file over the
   * spec's extensions. Either may be null.
   */
  public static ArgumentSettings merge(ArgumentSettings preferred, ArgumentSettings fallback) {
    if (preferred == null) {
      return fallback;
    }
    if (fallback == null) {
      return preferred;
    }
    return new ArgumentSettings(
        Setting.first(preferred.description, fallback.description),
        Setting.first(preferred.value, fallback.value),
        Setting.first(preferred.defaultValue, fallback.defaultValue),
        Setting.first(preferred.hidden, fallback.hidden),
        preferred.origin);
  }
}
