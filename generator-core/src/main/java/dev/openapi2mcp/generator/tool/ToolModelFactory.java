package dev.openapi2mcp.generator.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.generator.customize.CustomizedOperation;
import dev.openapi2mcp.generator.customize.Setting;
import dev.openapi2mcp.generator.customize.ToolSettings;
import dev.openapi2mcp.generator.description.DescriptionComposer;
import dev.openapi2mcp.generator.description.DescriptionText;
import dev.openapi2mcp.generator.diagnostics.Diagnostics;
import dev.openapi2mcp.generator.diagnostics.JsonPointers;
import dev.openapi2mcp.generator.model.ArgumentExtensions;
import dev.openapi2mcp.generator.model.BodyModel;
import dev.openapi2mcp.generator.model.McpExtensions;
import dev.openapi2mcp.generator.model.MediaTypes;
import dev.openapi2mcp.generator.model.OperationModel;
import dev.openapi2mcp.generator.model.ParameterModel;
import dev.openapi2mcp.generator.naming.ArgumentKey;
import dev.openapi2mcp.generator.naming.NamingStrategy;
import dev.openapi2mcp.generator.schema.SchemaBudget;
import dev.openapi2mcp.generator.schema.SchemaBudgeter;
import dev.openapi2mcp.generator.schema.SchemaConverter;
import dev.openapi2mcp.generator.schema.SchemaScope;
import dev.openapi2mcp.generator.schema.Schemas;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns operations into tools: names, description, input schema, hints and HTTP binding.
 *
 * <p>The input schema is an object schema with one property per argument: parameters first (in spec order,
 * each with its description, schema, default and deprecation), then the request body, flattened or whole (see
 * {@link BodyShape}; multipart file parts take the file-argument object of {@link FileArgumentSchema}, binary bodies
 * a base64 string, text bodies a string). {@code required} lists the required parameters and, when the body is required, the
 * required body properties (or {@code body}); an optional body's properties are all optional, since leaving
 * them all out means sending no body, but its required ones are {@code dependentRequired} on every other body
 * argument: once any is given, the body is sent and must be complete. {@code additionalProperties} is false, and recursive components sit in
 * {@code $defs}.
 *
 * <p>Customizations (issue 4, {@link ToolSettings}) apply on top: a chosen name, title, description and hints
 * replace what the operation gives; arguments with a fixed value or hidden leave the input schema (a fixed one stays
 * bound and is sent by the runtime), and a default is written into the schema and sent by the runtime when the
 * caller leaves the argument out, so the argument is no longer required.
 *
 * <p>What reaches {@code tools/list} stays lean (issue 6): the spec's texts lose their markdown link targets
 * ({@link DescriptionText}) and, by default, the sentences that only pointed at one; an output schema larger than
 * {@code outputSchemaMaxBytes} is left out; and a title that the description begins with is left out unless
 * {@link ListingOptions} keeps it.
 */
public final class ToolModelFactory {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** How many cut places a budget warning names. */
  static final int CUTS_NAMED = 3;

  private final NamingStrategy naming;
  private final SchemaConverter converter;
  private final OutputSchemaFactory outputs;
  private final DescriptionComposer descriptions;
  private final FileParts fileParts;
  private final SchemaBudgeter budgeter;
  private final Diagnostics diagnostics;
  private final int outputSchemaMaxBytes;
  private final ListingOptions listing;
  private final Map<String, List<String>> budgetCuts = new LinkedHashMap<>();
  private final Map<String, Integer> outputSchemasLeftOut = new LinkedHashMap<>();

  /**
   * A factory without output schemas, with base64 file parts and the default schema budget, whose warnings go
   * nowhere (for tests of the happy path).
   */
  public ToolModelFactory(NamingStrategy naming, SchemaConverter converter, DescriptionComposer descriptions) {
    this(naming, converter, null, descriptions, FileParts.BASE64, SchemaBudget.DEFAULT, new Diagnostics(null));
  }

  /** A factory that keeps every output schema, whatever its size. */
  public ToolModelFactory(NamingStrategy naming, SchemaConverter inputs, SchemaConverter outputs,
      DescriptionComposer descriptions, FileParts fileParts, SchemaBudget budget, Diagnostics diagnostics) {
    this(naming, inputs, outputs, descriptions, fileParts, budget, diagnostics, Integer.MAX_VALUE);
  }

  /**
   * @param inputs converts schemas in the input direction
   * @param outputs converts schemas in the output direction, for output schemas; null for none
   * @param fileParts how multipart file parts are handed over
   * @param budget how large each tool's input and output schema may grow
   * @param diagnostics where warnings go: bodies that cannot be represented faithfully, budget cuts
   * @param outputSchemaMaxBytes the largest output schema kept, in compact JSON bytes after the budget (issue 6)
   */
  public ToolModelFactory(NamingStrategy naming, SchemaConverter inputs, SchemaConverter outputs,
      DescriptionComposer descriptions, FileParts fileParts, SchemaBudget budget, Diagnostics diagnostics,
      int outputSchemaMaxBytes) {
    this(naming, inputs, outputs, descriptions, fileParts, budget, diagnostics, outputSchemaMaxBytes,
        ListingOptions.KEEP_ALL);
  }

  /**
   * @param outputSchemaMaxBytes the largest output schema kept, in compact JSON bytes after the budget (issue 6)
   * @param listing what else the listing keeps (issue 6): titles that repeat the description's first line, and
   *     sentences of parameter and body descriptions that only pointed at a link (the converters and the composer
   *     decide for the texts they hold)
   */
  public ToolModelFactory(NamingStrategy naming, SchemaConverter inputs, SchemaConverter outputs,
      DescriptionComposer descriptions, FileParts fileParts, SchemaBudget budget, Diagnostics diagnostics,
      int outputSchemaMaxBytes, ListingOptions listing) {
    this.listing = listing;
    if (outputSchemaMaxBytes < 0) {
      throw new IllegalArgumentException("outputSchemaMaxBytes must not be negative, was " + outputSchemaMaxBytes);
    }
    this.outputSchemaMaxBytes = outputSchemaMaxBytes;
    this.naming = naming;
    this.converter = inputs;
    this.outputs = outputs == null ? null : new OutputSchemaFactory(outputs);
    this.descriptions = descriptions;
    this.fileParts = fileParts;
    this.budgeter = new SchemaBudgeter(budget);
    this.diagnostics = diagnostics;
  }

  /** One tool per operation, in the operations' order, as the spec makes them. */
  public List<ToolModel> tools(List<OperationModel> operations) {
    return customizedTools(operations.stream()
        .map(operation -> new CustomizedOperation(operation, ToolSettings.NONE))
        .toList());
  }

  /** One tool per operation, in the operations' order, each customized by its settings. */
  public List<ToolModel> customizedTools(List<CustomizedOperation> operations) {
    List<String> names = ToolNames.of(operations, naming, diagnostics);
    return namedTools(operations, names, naming.methodNames(names));
  }

  /**
   * One tool per operation, in the operations' order, each customized by its settings, under the names given: a
   * {@link ToolBatch} names all tools first, then builds slices of them with a factory each.
   */
  List<ToolModel> namedTools(List<CustomizedOperation> operations, List<String> names, List<String> methods) {
    List<ToolModel> tools = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      CustomizedOperation customized = operations.get(i);
      tools.add(tool(customized.operation(), customized.settings(), names.get(i), methods.get(i)));
    }
    return tools;
  }

  private ToolModel tool(OperationModel operation, ToolSettings settings, String name, String methodName) {
    BodyModel body = operation.body();
    BodyShape shape = body == null ? null : BodyShape.of(body, converter);

    List<ArgumentKey> keys = new ArrayList<>();
    for (ParameterModel parameter : operation.parameters()) {
      keys.add(new ArgumentKey(parameter.name(), parameter.in().openApiName()));
    }
    if (shape != null && shape.flattened()) {
      shape.properties().keySet().forEach(property -> keys.add(new ArgumentKey(property, "body")));
    } else if (shape != null) {
      keys.add(new ArgumentKey("body", "request"));
    }
    List<String> arguments = naming.argumentNames(keys);
    ArgumentPresets presets = new ArgumentPresets(settings, arguments, operation, converter.components(),
        diagnostics);

    SchemaScope scope = converter.scope();
    ObjectNode properties = JSON.objectNode();
    ArrayNode required = JSON.arrayNode();
    List<ParameterBindingModel> bindings = new ArrayList<>();
    int next = 0;
    for (ParameterModel parameter : operation.parameters()) {
      String argument = arguments.get(next++);
      ArgumentPresets.Use use = presets.use(argument, parameter.extensions(), parameter.schema(),
          parameter.required());
      if (use != ArgumentPresets.Use.HIDDEN) {
        bindings.add(binding(parameter, argument));
      }
      if (use != ArgumentPresets.Use.SHOWN) {
        continue;
      }
      String pointer = JsonPointers.append(operation.pointer(), "parameters");
      String description = presets.description(argument, DescriptionText.plain(parameter.description(),
          !listing.referenceSentences()));
      properties.set(argument, presets.withDefault(argument, Schemas.annotate(scope.convert(parameter.schema(),
          pointer), description, parameter.deprecated())));
      if (presets.required(argument, parameter.required())) {
        required.add(argument);
      }
    }

    BodyBindingModel bodyBinding = null;
    ObjectNode dependentRequired = JSON.objectNode();
    if (shape != null && shape.flattened()) {
      Map<String, String> wire = new LinkedHashMap<>();
      List<String> files = new ArrayList<>();
      List<String> requiredInBody = new ArrayList<>();
      for (Map.Entry<String, JsonNode> property : shape.properties().entrySet()) {
        String argument = arguments.get(next++);
        String pointer = shape.pointers().get(property.getKey());
        boolean requiredBySpec = shape.required().contains(property.getKey());
        ArgumentPresets.Use use = presets.use(argument,
            McpExtensions.argument(property.getValue(), pointer, operation.operationId(), diagnostics),
            property.getValue(), requiredBySpec);
        if (use == ArgumentPresets.Use.HIDDEN) {
          continue;
        }
        wire.put(argument, property.getKey());
        FilePart file = shape.fileParts().get(property.getKey());
        if (file != null) {
          files.add(argument);
        }
        if (use == ArgumentPresets.Use.FIXED) {
          continue;
        }
        String description = presets.description(argument, null);
        ObjectNode schema = file == null
            ? Schemas.annotate(scope.convert(property.getValue(), pointer), description, false)
            : FileArgumentSchema.of(file, fileParts);
        if (file != null && description != null) {
          schema = Schemas.annotate(schema, description, false);
        }
        properties.set(argument, presets.withDefault(argument, schema));
        if (presets.required(argument, requiredBySpec)) {
          if (body.required()) {
            required.add(argument);
          } else {
            requiredInBody.add(argument);
          }
        }
      }
      // An optional body is all or nothing: once any of its arguments is given, its required ones must be too.
      if (!requiredInBody.isEmpty()) {
        for (String argument : wire.keySet()) {
          if (!properties.has(argument)) {
            continue;
          }
          ArrayNode others = JSON.arrayNode();
          requiredInBody.stream().filter(other -> !other.equals(argument)).forEach(others::add);
          if (!others.isEmpty()) {
            dependentRequired.set(argument, others);
          }
        }
      }
      Map<String, BodyModel.PartStyle> encodings = new java.util.TreeMap<>(body.partStyles());
      encodings.keySet().retainAll(wire.values());
      if (wire.isEmpty()) {
        diagnostics.error("every property of the request body is hidden; leave one visible or give it a value",
            body.pointer(), operation.operationId());
      } else {
        bodyBinding = new BodyBindingModel(body.mediaType(), body.required(), null, wire, files, encodings);
      }
    } else if (shape != null) {
      String argument = arguments.get(next);
      ArgumentPresets.Use use = presets.use(argument, ArgumentExtensions.NONE, body.schema(), body.required());
      if (use == ArgumentPresets.Use.SHOWN) {
        ObjectNode whole = wholeBodySchema(body, shape, scope, operation);
        String description = presets.description(argument, null);
        properties.set(argument, presets.withDefault(argument,
            description == null ? whole : Schemas.annotate(whole, description, false)));
        if (presets.required(argument, body.required())) {
          required.add(argument);
        }
      }
      if (use != ArgumentPresets.Use.HIDDEN) {
        bodyBinding = new BodyBindingModel(body.mediaType(), body.required(), argument, Map.of(), List.of(),
            body.partStyles());
      }
    }

    Map<String, JsonNode> root = new HashMap<>();
    root.put("type", JSON.textNode("object"));
    root.put("properties", properties);
    if (!required.isEmpty()) {
      root.put("required", required);
    }
    if (!dependentRequired.isEmpty()) {
      root.put("dependentRequired", dependentRequired);
    }
    root.put("additionalProperties", JSON.booleanNode(false));
    ObjectNode defs = scope.defs();
    if (!defs.isEmpty()) {
      root.put("$defs", defs);
    }

    ObjectNode input = Schemas.ordered(root);
    report(budgeter.apply(input), "input", name, operation);
    String output = output(operation, name);

    HttpBindingModel http = new HttpBindingModel(operation.method(), operation.path(), bindings, bodyBinding,
        operation.security());
    String description = Setting.valueOr(settings.description(), descriptions.compose(operation));
    return new ToolModel(name, methodName, title(operation, settings, description), description,
        Schemas.toJson(input),
        output, hints(ToolHints.forMethod(operation.method()), settings),
        http, presets.fixed(), presets.defaults());
  }

  /**
   * The tool's title: the one chosen in the overrides file or {@code x-mcp-title}, else the summary, unless the
   * description begins with it (ignoring case, spacing and a final period) and the listing leaves such titles out
   * (issue 6). MCP's title is a display name for people; the model reads the description, whose first line it is.
   */
  private String title(OperationModel operation, ToolSettings settings, String description) {
    if (settings.title() != null) {
      return settings.title().value();
    }
    String summary = DescriptionText.plain(operation.summary());
    if (summary == null || listing.repeatedTitles()) {
      return summary;
    }
    int lineEnd = description.indexOf('\n');
    String firstLine = lineEnd < 0 ? description : description.substring(0, lineEnd);
    return sameText(firstLine, summary) ? null : summary;
  }

  private static boolean sameText(String a, String b) {
    return comparable(a).equals(comparable(b));
  }

  private static String comparable(String text) {
    String collapsed = text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    return collapsed.endsWith(".") ? collapsed.substring(0, collapsed.length() - 1) : collapsed;
  }

  /**
   * The tool's output schema as compact JSON, cut to the budget, or null when the response is no object or the
   * schema is larger than {@code outputSchemaMaxBytes} (issue 6). A large output schema serves the client's
   * validation of {@code structuredContent}, not the model's choice of tool or arguments, yet it is sent in every
   * {@code tools/list}; without it the runtime returns the JSON body as text, which MCP allows. A schema left out
   * reports no budget cuts: nothing of it reaches the client.
   */
  private String output(OperationModel operation, String toolName) {
    ObjectNode output = outputs == null || outputSchemaMaxBytes == 0 ? null : outputs.of(operation.response());
    if (output == null) {
      return null;
    }
    List<SchemaBudgeter.Cut> cuts = budgeter.apply(output);
    // Most large schemas are left out (issue 6): their size is counted, their text never built.
    long bytes = Schemas.jsonBytes(output);
    if (bytes > outputSchemaMaxBytes) {
      outputSchemasLeftOut.put(toolName, (int) bytes);
      return null;
    }
    report(cuts, "output", toolName, operation);
    return Schemas.toJson(output);
  }

  /**
   * The tools made so far whose output schema was left out for its size: tool name → the schema's bytes, in the
   * order made. For lint.
   */
  public Map<String, Integer> outputSchemasLeftOut() {
    return Collections.unmodifiableMap(outputSchemasLeftOut);
  }

  /** The hints derived from the method, each replaced where the settings set it. */
  private static ToolHints hints(ToolHints derived, ToolSettings settings) {
    return new ToolHints(settings.hint("readOnlyHint", derived.readOnly()),
        settings.hint("destructiveHint", derived.destructive()),
        settings.hint("idempotentHint", derived.idempotent()),
        settings.hint("openWorldHint", derived.openWorld()));
  }

  /**
   * Where the schema budget cut the tools made so far: tool name → the cut places, each {@code input} or
   * {@code output} and its JSON pointer in that schema (e.g. {@code input#/properties/body}), in the order made;
   * tools without cuts are absent. For lint.
   */
  public Map<String, List<String>> budgetCuts() {
    return Collections.unmodifiableMap(budgetCuts);
  }

  /**
   * Reports the budget's cuts of one schema, with one warning per reason naming the tool, where and why: a big
   * schema can lose hundreds of subtrees, so one warning lists the first {@value #CUTS_NAMED} places and counts
   * the rest.
   */
  private void report(List<SchemaBudgeter.Cut> cuts, String which, String toolName,
      OperationModel operation) {
    Map<String, List<String>> byReason = new LinkedHashMap<>();
    for (SchemaBudgeter.Cut cut : cuts) {
      byReason.computeIfAbsent(cut.reason(), r -> new ArrayList<>()).add(cut.pointer());
      budgetCuts.computeIfAbsent(toolName, t -> new ArrayList<>()).add(which + "#" + cut.pointer());
    }
    byReason.forEach((reason, pointers) -> {
      String where = pointers.size() == 1
          ? pointers.get(0)
          : pointers.size() + " places (" + String.join(", ", pointers.subList(0, Math.min(CUTS_NAMED,
              pointers.size()))) + (pointers.size() > CUTS_NAMED ? ", …" : "") + ")";
      diagnostics.warning(which + " schema of tool " + toolName + " cut at " + where + ": " + reason,
          operation.pointer(), operation.operationId());
    });
  }

  /** The schema of the one argument that holds a whole body, per {@link BodyShape.Kind}. */
  private ObjectNode wholeBodySchema(BodyModel body, BodyShape shape, SchemaScope scope, OperationModel operation) {
    String mediaType = MediaTypes.essence(body.mediaType());
    String bodyText = DescriptionText.plain(body.description(), !listing.referenceSentences());
    switch (shape.kind()) {
      case BINARY -> {
        Map<String, JsonNode> bytes = new HashMap<>();
        bytes.put("type", JSON.textNode("string"));
        bytes.put("description", JSON.textNode(sentence(bodyText)
            + "The request body (" + mediaType + "): its bytes, base64-encoded (standard alphabet)."));
        bytes.put("contentEncoding", JSON.textNode("base64"));
        if (!mediaType.equals("application/octet-stream") && !mediaType.contains("*")) {
          bytes.put("contentMediaType", JSON.textNode(mediaType));
        }
        return Schemas.ordered(bytes);
      }
      case TEXT -> {
        JsonNode converted = scope.convert(body.schema(), body.pointer());
        boolean plainString = converted.isObject() && converted.path("type").asText("").equals("string");
        JsonNode text = plainString ? converted : JSON.objectNode().put("type", "string");
        return Schemas.annotate(text, sentence(bodyText) + "The request body (" + mediaType
            + "), sent as is.", false);
      }
      default -> {
        if (MediaTypes.isMultipartForm(mediaType)) {
          diagnostics.warning("the multipart/form-data body is not an object with properties, so its parts "
              + "cannot be told apart; the tool takes the whole body as one argument", body.pointer(),
              operation.operationId());
        }
        return Schemas.annotate(scope.convert(body.schema(), body.pointer()),
            bodyText, false);
      }
    }
  }

  /** {@code text} as the first sentence of a description, with a space after it; empty for null. */
  private static String sentence(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    String stripped = text.strip();
    return stripped + (stripped.endsWith(".") ? " " : ". ");
  }

  private static ParameterBindingModel binding(ParameterModel parameter, String argument) {
    String style = parameter.style() != null ? parameter.style() : ParameterBindingModel.defaultStyle(parameter.in());
    boolean explode = parameter.explode() != null ? parameter.explode() : ParameterBindingModel.defaultExplode(style);
    return new ParameterBindingModel(argument, parameter.name(), parameter.in(), style, explode,
        parameter.required());
  }
}
