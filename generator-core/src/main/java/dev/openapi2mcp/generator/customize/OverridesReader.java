package dev.openapi2mcp.generator.customize;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.openapi2mcp.generator.Diagnostic;
import dev.openapi2mcp.generator.diagnostics.Diagnostics;
import dev.openapi2mcp.generator.diagnostics.Suggestions;
import dev.openapi2mcp.generator.model.McpExtensions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads an overrides file: YAML or JSON (JSON is read as YAML), keyed by the spec's operationIds.
 *
 * <pre>{@code
 * operations:
 *   getPetById:                  # an operationId of the spec
 *     name: get_pet              # tool name: [A-Za-z0-9_.-], at most maxToolNameLength, unique
 *     title: Get a pet
 *     description: |             # replaces the composed description
 *       Returns one pet by its numeric id.
 *     enabled: true              # false removes the tool; true brings back one x-mcp-exclude removed,
 *                                # never one the filter dropped
 *     annotations: {readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false}
 *     parameters:                # keyed by TOOL ARGUMENT name (parameter or flattened body property)
 *       petId:
 *         description: The pet's numeric id.
 *       orgId:
 *         value: acme            # fixed: not in the input schema, always sent with this value
 *       limit:
 *         default: 20            # in the input schema as "default", sent when the caller leaves it out
 *       debug:
 *         hidden: true           # not in the input schema, never sent (must not be required)
 * apis:                          # service catalog only: the same structure per API namespace
 *   inventory:
 *     operations: { ... }
 * }</pre>
 *
 * <p>Every key is checked: an unknown one is an error naming it and its JSON pointer in the file, with the nearest
 * known key ({@link Suggestions}); so is a value of the wrong type, and a duplicate key. Whether operationIds,
 * namespaces and argument names exist is checked later, against the spec ({@link Customizer}).
 */
public final class OverridesReader {
  static final List<String> ROOT_KEYS = List.of("operations", "apis");
  static final List<String> API_KEYS = List.of("operations");
  static final List<String> OPERATION_KEYS = List.of("name", "title", "description", "enabled", "annotations",
      "parameters");
  static final List<String> ARGUMENT_KEYS = List.of("description", "value", "default", "hidden");

  private static final YAMLMapper YAML = YAMLMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  private final String file;
  private final Diagnostics diagnostics;

  private OverridesReader(String file, Diagnostics diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
  }

  /**
   * The overrides in {@code path}, or {@link Overrides#NONE} when {@code path} is null. A missing or unreadable
   * file, invalid YAML and every invalid entry are errors in {@code diagnostics}; what could be read is returned.
   */
  public static Overrides read(Path path, Diagnostics diagnostics) {
    if (path == null) {
      return Overrides.NONE;
    }
    String file = path.toString();
    if (!Files.isRegularFile(path)) {
      diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, "overrides file not found: " + file, file, null,
          null));
      return Overrides.NONE;
    }
    JsonNode root;
    try {
      root = YAML.readTree(path.toFile());
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, "overrides file " + file
          + " is not valid YAML or JSON" + where + ": " + e.getOriginalMessage(), file, null, null));
      return Overrides.NONE;
    } catch (IOException e) {
      diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, "cannot read overrides file " + file + ": " + e,
          file, null, null));
      return Overrides.NONE;
    }
    return new OverridesReader(file, diagnostics).root(root);
  }

  private Overrides root(JsonNode root) {
    Origin at = Origin.overrides(file, "");
    if (root == null || root.isMissingNode() || root.isNull()) {
      return new Overrides(file, Map.of(), Map.of());
    }
    if (!object(root, at, "an object with 'operations' (and, in a service catalog, 'apis')")) {
      return new Overrides(file, Map.of(), Map.of());
    }
    unknownKeys(root, at, ROOT_KEYS);
    Map<String, Overrides> apis = new LinkedHashMap<>();
    JsonNode apisNode = root.get("apis");
    Origin apisAt = at.child("apis");
    if (apisNode != null && object(apisNode, apisAt, "an object keyed by API namespace")) {
      apisNode.properties().forEach(api -> {
        Origin apiAt = apisAt.child(api.getKey());
        Map<String, ToolSettings> operations = Map.of();
        if (api.getValue().isNull() || object(api.getValue(), apiAt, "an object with 'operations'")) {
          unknownKeys(api.getValue(), apiAt, API_KEYS);
          operations = operations(api.getValue().get("operations"), apiAt.child("operations"));
        }
        apis.put(api.getKey(), new Overrides(file, operations, Map.of()));
      });
    }
    return new Overrides(file, operations(root.get("operations"), at.child("operations")), apis);
  }

  private Map<String, ToolSettings> operations(JsonNode node, Origin at) {
    Map<String, ToolSettings> operations = new LinkedHashMap<>();
    if (node == null || node.isNull() || !object(node, at, "an object keyed by operationId")) {
      return operations;
    }
    node.properties().forEach(entry -> operations.put(entry.getKey(),
        operation(entry.getValue(), at.child(entry.getKey()))));
    return operations;
  }

  private ToolSettings operation(JsonNode node, Origin at) {
    if (node.isNull() || !object(node, at, "an object with " + quotedList(OPERATION_KEYS))) {
      return new ToolSettings(null, null, null, null, Map.of(), Map.of(), at);
    }
    unknownKeys(node, at, OPERATION_KEYS);
    Map<String, Setting<Boolean>> hints = new TreeMap<>();
    JsonNode annotations = node.get("annotations");
    Origin annotationsAt = at.child("annotations");
    if (annotations != null && object(annotations, annotationsAt, "an object of hints")) {
      unknownKeys(annotations, annotationsAt, McpExtensions.HINTS);
      for (String hint : McpExtensions.HINTS) {
        Setting<Boolean> value = bool(annotations, hint, annotationsAt);
        if (value != null) {
          hints.put(hint, value);
        }
      }
    }
    Map<String, ArgumentSettings> arguments = new LinkedHashMap<>();
    JsonNode parameters = node.get("parameters");
    Origin parametersAt = at.child("parameters");
    if (parameters != null && object(parameters, parametersAt, "an object keyed by tool argument name")) {
      parameters.properties().forEach(entry -> arguments.put(entry.getKey(),
          argument(entry.getValue(), parametersAt.child(entry.getKey()))));
    }
    return new ToolSettings(text(node, "name", at), text(node, "title", at), text(node, "description", at),
        bool(node, "enabled", at), hints, arguments, at);
  }

  private ArgumentSettings argument(JsonNode node, Origin at) {
    if (node.isNull() || !object(node, at, "an object with " + quotedList(ARGUMENT_KEYS))) {
      return new ArgumentSettings(null, null, null, null, at);
    }
    unknownKeys(node, at, ARGUMENT_KEYS);
    return new ArgumentSettings(text(node, "description", at), Setting.of(node.get("value"), at.child("value")),
        Setting.of(node.get("default"), at.child("default")), bool(node, "hidden", at), at);
  }

  private void unknownKeys(JsonNode node, Origin at, List<String> known) {
    if (node == null || !node.isObject()) {
      return;
    }
    node.properties().forEach(entry -> {
      if (!known.contains(entry.getKey())) {
        String suggestion = Suggestions.question(entry.getKey(), known);
        at.child(entry.getKey()).error(diagnostics, "unknown key '" + entry.getKey() + "'",
            suggestion == null ? "expected " + quotedList(known) : suggestion, null);
      }
    });
  }

  private boolean object(JsonNode node, Origin at, String expected) {
    if (node.isObject()) {
      return true;
    }
    invalid(at, "expected " + expected);
    return false;
  }

  private Setting<String> text(JsonNode parent, String key, Origin at) {
    JsonNode value = parent.get(key);
    if (value == null) {
      return null;
    }
    if (!value.isTextual() || value.textValue().isBlank()) {
      invalid(at.child(key), "expected a non-empty string");
      return null;
    }
    return new Setting<>(value.textValue().strip(), at.child(key));
  }

  private Setting<Boolean> bool(JsonNode parent, String key, Origin at) {
    JsonNode value = parent.get(key);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      invalid(at.child(key), "expected true or false");
      return null;
    }
    return new Setting<>(value.booleanValue(), at.child(key));
  }

  private void invalid(Origin at, String expected) {
    String key = at.pointer().isEmpty() ? "content" : at.label();
    at.error(diagnostics, "invalid " + key, expected, null);
  }

  private static String quotedList(List<String> keys) {
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < keys.size(); i++) {
      list.append(i == 0 ? "" : i + 1 == keys.size() ? " or " : ", ").append('\'').append(keys.get(i)).append('\'');
    }
    return list.toString();
  }
}
