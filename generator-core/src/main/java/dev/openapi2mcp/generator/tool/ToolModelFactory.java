package dev.openapi2mcp.generator.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.generator.description.DescriptionComposer;
import dev.openapi2mcp.generator.diagnostics.Diagnostics;
import dev.openapi2mcp.generator.diagnostics.JsonPointers;
import dev.openapi2mcp.generator.model.BodyModel;
import dev.openapi2mcp.generator.model.MediaTypes;
import dev.openapi2mcp.generator.model.OperationModel;
import dev.openapi2mcp.generator.model.ParameterModel;
import dev.openapi2mcp.generator.naming.ArgumentKey;
import dev.openapi2mcp.generator.naming.NamingStrategy;
import dev.openapi2mcp.generator.naming.OperationKey;
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
  private final Map<String, List<String>> budgetCuts = new LinkedHashMap<>();

  /**
   * A factory without output schemas, with base64 file parts and the default schema budget, whose warnings go
   * nowhere (for tests of the happy path).
   */
  public ToolModelFactory(NamingStrategy naming, SchemaConverter converter, DescriptionComposer descriptions) {
    this(naming, converter, null, descriptions, FileParts.BASE64, SchemaBudget.DEFAULT, new Diagnostics(null));
  }

  /**
   * @param inputs converts schemas in the input direction
   * @param outputs converts schemas in the output direction, for output schemas; null for none
   * @param fileParts how multipart file parts are handed over
   * @param budget how large each tool's input and output schema may grow
   * @param diagnostics where warnings go: bodies that cannot be represented faithfully, budget cuts
   */
  public ToolModelFactory(NamingStrategy naming, SchemaConverter inputs, SchemaConverter outputs,
      DescriptionComposer descriptions, FileParts fileParts, SchemaBudget budget, Diagnostics diagnostics) {
    this.naming = naming;
    this.converter = inputs;
    this.outputs = outputs == null ? null : new OutputSchemaFactory(outputs);
    this.descriptions = descriptions;
    this.fileParts = fileParts;
    this.budgeter = new SchemaBudgeter(budget);
    this.diagnostics = diagnostics;
  }

  /** One tool per operation, in the operations' order. */
  public List<ToolModel> tools(List<OperationModel> operations) {
    List<OperationKey> keys = new ArrayList<>();
    for (OperationModel operation : operations) {
      keys.add(new OperationKey(operation.operationId(), operation.method().name(), operation.path()));
    }
    List<String> names = naming.toolNames(keys);
    List<String> methods = naming.methodNames(names);
    List<ToolModel> tools = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      tools.add(tool(operations.get(i), names.get(i), methods.get(i)));
    }
    return tools;
  }

  private ToolModel tool(OperationModel operation, String name, String methodName) {
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

    SchemaScope scope = converter.scope();
    ObjectNode properties = JSON.objectNode();
    ArrayNode required = JSON.arrayNode();
    List<ParameterBindingModel> bindings = new ArrayList<>();
    int next = 0;
    for (ParameterModel parameter : operation.parameters()) {
      String argument = arguments.get(next++);
      String pointer = JsonPointers.append(operation.pointer(), "parameters");
      properties.set(argument, Schemas.annotate(scope.convert(parameter.schema(), pointer), parameter.description(),
          parameter.deprecated()));
      if (parameter.required()) {
        required.add(argument);
      }
      bindings.add(binding(parameter, argument));
    }

    BodyBindingModel bodyBinding = null;
    ObjectNode dependentRequired = JSON.objectNode();
    if (shape != null && shape.flattened()) {
      Map<String, String> wire = new LinkedHashMap<>();
      List<String> files = new ArrayList<>();
      List<String> requiredInBody = new ArrayList<>();
      for (Map.Entry<String, JsonNode> property : shape.properties().entrySet()) {
        String argument = arguments.get(next++);
        wire.put(argument, property.getKey());
        FilePart file = shape.fileParts().get(property.getKey());
        if (file != null) {
          files.add(argument);
          properties.set(argument, FileArgumentSchema.of(file, fileParts));
        } else {
          String pointer = shape.pointers().get(property.getKey());
          properties.set(argument, Schemas.annotate(scope.convert(property.getValue(), pointer), null, false));
        }
        if (shape.required().contains(property.getKey())) {
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
          ArrayNode others = JSON.arrayNode();
          requiredInBody.stream().filter(other -> !other.equals(argument)).forEach(others::add);
          if (!others.isEmpty()) {
            dependentRequired.set(argument, others);
          }
        }
      }
      Map<String, BodyModel.PartStyle> encodings = new java.util.TreeMap<>(body.partStyles());
      encodings.keySet().retainAll(wire.values());
      bodyBinding = new BodyBindingModel(body.mediaType(), body.required(), null, wire, files, encodings);
    } else if (shape != null) {
      String argument = arguments.get(next);
      properties.set(argument, wholeBodySchema(body, shape, scope, operation));
      if (body.required()) {
        required.add(argument);
      }
      bodyBinding = new BodyBindingModel(body.mediaType(), body.required(), argument, Map.of(), List.of(),
          body.partStyles());
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
    budget(input, "input", name, operation);
    ObjectNode output = outputs == null ? null : outputs.of(operation.response());
    if (output != null) {
      budget(output, "output", name, operation);
    }

    HttpBindingModel http = new HttpBindingModel(operation.method(), operation.path(), bindings, bodyBinding,
        operation.security());
    return new ToolModel(name, methodName, operation.summary(), descriptions.compose(operation),
        Schemas.toJson(input), output == null ? null : Schemas.toJson(output), ToolHints.forMethod(operation.method()),
        http);
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
   * Cuts the schema to the budget, with one warning per reason naming the tool, where and why: a big schema can
   * lose hundreds of subtrees, so one warning lists the first {@value #CUTS_NAMED} places and counts the rest.
   */
  private void budget(ObjectNode schema, String which, String toolName, OperationModel operation) {
    Map<String, List<String>> byReason = new LinkedHashMap<>();
    for (SchemaBudgeter.Cut cut : budgeter.apply(schema)) {
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
  private JsonNode wholeBodySchema(BodyModel body, BodyShape shape, SchemaScope scope, OperationModel operation) {
    String mediaType = MediaTypes.essence(body.mediaType());
    switch (shape.kind()) {
      case BINARY -> {
        Map<String, JsonNode> bytes = new HashMap<>();
        bytes.put("type", JSON.textNode("string"));
        bytes.put("description", JSON.textNode(sentence(body.description())
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
        return Schemas.annotate(text, sentence(body.description()) + "The request body (" + mediaType
            + "), sent as is.", false);
      }
      default -> {
        if (MediaTypes.isMultipartForm(mediaType)) {
          diagnostics.warning("the multipart/form-data body is not an object with properties, so its parts "
              + "cannot be told apart; the tool takes the whole body as one argument", body.pointer(),
              operation.operationId());
        }
        return Schemas.annotate(scope.convert(body.schema(), body.pointer()), body.description(), false);
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
