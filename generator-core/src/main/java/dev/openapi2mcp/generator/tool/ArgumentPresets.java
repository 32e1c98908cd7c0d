package dev.openapi2mcp.generator.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.generator.customize.ArgumentSettings;
import dev.openapi2mcp.generator.customize.Setting;
import dev.openapi2mcp.generator.customize.ToolSettings;
import dev.openapi2mcp.generator.customize.ValueCheck;
import dev.openapi2mcp.generator.diagnostics.Diagnostics;
import dev.openapi2mcp.generator.diagnostics.Suggestions;
import dev.openapi2mcp.generator.model.ArgumentExtensions;
import dev.openapi2mcp.generator.model.OperationModel;
import dev.openapi2mcp.generator.schema.ComponentSchemas;
import dev.openapi2mcp.generator.schema.Schemas;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the argument customizations of one tool (issue 4): the overrides file's {@code parameters} entries over
 * the spec's {@code x-mcp-*} extensions, field by field (see {@link ArgumentSettings} for what each does).
 *
 * <p>Checked here, where the tool's argument names are known: every overridden argument exists (else an error with
 * the nearest name); a fixed value or default fits the argument's schema ({@link ValueCheck}); a hidden argument
 * without a value is not required; an argument is not both fixed (or hidden) and defaulted.
 */
final class ArgumentPresets {

  /** What becomes of one argument. */
  enum Use {
    /** In the input schema, possibly with a new description and a default. */
    SHOWN,
    /** Not in the input schema; bound and always sent with its fixed value. */
    FIXED,
    /** Neither in the input schema nor sent. */
    HIDDEN
  }

  private final ToolSettings settings;
  private final OperationModel operation;
  private final ComponentSchemas components;
  private final Diagnostics diagnostics;
  private final Map<String, ArgumentSettings> resolved = new HashMap<>();
  private final Map<String, String> fixed = new LinkedHashMap<>();
  private final Map<String, String> defaults = new LinkedHashMap<>();

  /** Reports the overridden argument names that are not among {@code arguments}. */
  ArgumentPresets(ToolSettings settings, List<String> arguments, OperationModel operation,
      ComponentSchemas components, Diagnostics diagnostics) {
    this.settings = settings;
    this.operation = operation;
    this.components = components;
    this.diagnostics = diagnostics;
    settings.arguments().forEach((argument, entry) -> {
      if (!arguments.contains(argument)) {
        String suggestion = Suggestions.question(argument, arguments);
        entry.origin().error(diagnostics, "unknown argument '" + argument + "' of " + operation.displayName(),
            suggestion != null ? suggestion
                : arguments.isEmpty() ? "the tool takes no arguments"
                : "the tool's arguments are " + String.join(", ", arguments),
            operation.operationId());
      }
    });
  }

  /**
   * Decides what becomes of {@code argument} and checks its settings.
   *
   * @param extensions the argument's {@code x-mcp-*} extensions in the spec
   * @param schema the argument's schema in the spec's dialect, to check values against
   * @param required whether the spec requires the argument (in a body: whether the body schema does)
   */
  Use use(String argument, ArgumentExtensions extensions, JsonNode schema, boolean required) {
    ArgumentSettings merged = ArgumentSettings.merge(settings.arguments().get(argument),
        ArgumentSettings.of(extensions));
    resolved.put(argument, merged);
    JsonNode resolvedSchema = schema == null ? null : components.resolve(schema);
    check(argument, merged.value(), resolvedSchema);
    check(argument, merged.defaultValue(), resolvedSchema);
    boolean hidden = Setting.valueOr(merged.hidden(), false);
    if (merged.defaultValue() != null && (merged.value() != null || hidden)) {
      error(merged.defaultValue(), argument, (merged.value() != null ? "it also has a fixed value" : "it is also hidden")
          + ", so a default would never be used");
    }
    if (merged.value() != null) {
      fixed.put(argument, Schemas.toJson(merged.value().value()));
      return Use.FIXED;
    }
    if (hidden) {
      if (required) {
        error(merged.hidden(), argument, "the operation requires it; give it a value or leave it visible");
      }
      return Use.HIDDEN;
    }
    if (merged.defaultValue() != null) {
      defaults.put(argument, Schemas.toJson(merged.defaultValue().value()));
    }
    return Use.SHOWN;
  }

  /** Whether a shown argument must be given: not when the runtime fills in a default. */
  boolean required(String argument, boolean requiredBySpec) {
    return requiredBySpec && !defaults.containsKey(argument);
  }

  /** The description the argument's schema gets: the customized one, else {@code fromSpec}. */
  String description(String argument, String fromSpec) {
    ArgumentSettings merged = resolved.get(argument);
    return merged == null ? fromSpec : Setting.valueOr(merged.description(), fromSpec);
  }

  /** {@code property} with the customized default, if any, in place of its own. */
  ObjectNode withDefault(String argument, ObjectNode property) {
    ArgumentSettings merged = resolved.get(argument);
    if (merged == null || merged.defaultValue() == null) {
      return property;
    }
    Map<String, JsonNode> fields = new HashMap<>();
    property.properties().forEach(field -> fields.put(field.getKey(), field.getValue()));
    fields.put("default", merged.defaultValue().value());
    return Schemas.ordered(fields);
  }

  /** Argument → JSON text of its fixed value, in the order decided. */
  Map<String, String> fixed() {
    return fixed;
  }

  /** Argument → JSON text of its default, in the order decided. */
  Map<String, String> defaults() {
    return defaults;
  }

  private void check(String argument, Setting<JsonNode> value, JsonNode schema) {
    if (value == null) {
      return;
    }
    String problem = ValueCheck.problem(schema, value.value());
    if (problem != null) {
      error(value, argument, problem);
    }
  }

  private void error(Setting<?> setting, String argument, String detail) {
    setting.origin().error(diagnostics, "invalid " + setting.origin().label() + " of argument '" + argument + "'",
        detail, operation.operationId());
  }
}
