package dev.openapi2mcp.generator.customize;

import dev.openapi2mcp.generator.model.OperationExtensions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How one operation's tool is customized; each field null (or empty) when not set, and then the tool is as the
 * spec makes it.
 *
 * @param name the tool name; checked by the naming strategy, never shortened
 * @param title the tool title, in place of the operation's summary
 * @param description the tool description, in place of the composed one
 * @param enabled false leaves the operation out; true keeps one its {@code x-mcp-exclude} leaves out (never one the
 *     filter drops)
 * @param hints hint name ({@code readOnlyHint}, {@code destructiveHint}, {@code idempotentHint},
 *     {@code openWorldHint}) → value, in place of the value derived from the HTTP method; sorted by name
 * @param arguments tool argument name → its settings, in the order written
 * @param origin where the operation's entry is written
 */
public record ToolSettings(Setting<String> name, Setting<String> title, Setting<String> description,
    Setting<Boolean> enabled, Map<String, Setting<Boolean>> hints, Map<String, ArgumentSettings> arguments,
    Origin origin) {

  /** Nothing customized. */
  public static final ToolSettings NONE = new ToolSettings(null, null, null, null, Map.of(), Map.of(),
      Origin.spec(""));

  public ToolSettings {
    hints = hints == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(hints));
    arguments = arguments == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
  }

  /** The settings an operation's {@code x-mcp-*} extensions make, at their places in the spec. */
  public static ToolSettings of(OperationExtensions extensions) {
    Origin at = Origin.spec(extensions.pointer());
    Map<String, Setting<Boolean>> hints = new TreeMap<>();
    extensions.annotations().forEach((hint, value) ->
        hints.put(hint, new Setting<>(value, at.child("x-mcp-annotations", hint))));
    return new ToolSettings(
        Setting.of(extensions.name(), at.child("x-mcp-name")),
        Setting.of(extensions.title(), at.child("x-mcp-title")),
        Setting.of(extensions.description(), at.child("x-mcp-description")),
        Setting.of(extensions.exclude() == null ? null : !extensions.exclude(), at.child("x-mcp-exclude")),
        hints, Map.of(), at);
  }

  /**
   * Each field from {@code preferred} where it is set, else from {@code fallback} (hints and arguments one by
   * one): the overrides file over the spec's extensions.
   */
  public static ToolSettings merge(ToolSettings preferred, ToolSettings fallback) {
    Map<String, Setting<Boolean>> hints = new TreeMap<>(fallback.hints);
    hints.putAll(preferred.hints);
    Map<String, ArgumentSettings> arguments = new LinkedHashMap<>(fallback.arguments);
    preferred.arguments.forEach((argument, settings) ->
        arguments.put(argument, ArgumentSettings.merge(settings, arguments.get(argument))));
    return new ToolSettings(
        Setting.first(preferred.name, fallback.name),
        Setting.first(preferred.title, fallback.title),
        Setting.first(preferred.description, fallback.description),
        Setting.first(preferred.enabled, fallback.enabled),
        hints, arguments, preferred.origin);
  }

  /** Whether the operation becomes a tool, as far as these settings decide. */
  public boolean isEnabled() {
    return Setting.valueOr(enabled, true);
  }

  /** The hint's value here, or {@code derived} when not set. */
  public boolean hint(String name, boolean derived) {
    return Setting.valueOr(hints.get(name), derived);
  }
}
