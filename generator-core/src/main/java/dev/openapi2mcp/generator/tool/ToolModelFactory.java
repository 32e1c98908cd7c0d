package dev.openapi2mcp.generator.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openapi2mcp.generator.description.DescriptionComposer;
import dev.openapi2mcp.generator.diagnostics.JsonPointers;
import dev.openapi2mcp.generator.model.BodyModel;
import dev.openapi2mcp.generator.model.OperationModel;
import dev.openapi2mcp.generator.model.ParameterModel;
import dev.openapi2mcp.generator.naming.ArgumentKey;
import dev.openapi2mcp.generator.naming.NamingStrategy;
import dev.openapi2mcp.generator.naming.OperationKey;
import dev.openapi2mcp.generator.schema.SchemaConverter;
import dev.openapi2mcp.generator.schema.SchemaScope;
import dev.openapi2mcp.generator.schema.Schemas;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns operations into tools: names, description, input schema, hints and HTTP binding.
 *
 * <p>The input schema is an object schema with one property per argument: parameters first (in spec order,
 * each with its description, schema, default and deprecation), then the request body, flattened or whole (see
 * {@link BodyShape}). {@code required} lists the required parameters and, when the body is required, the
 * required body properties (or {@code body}); an optional body's properties are all optional, since leaving
 * them all out means sending no body. {@code additionalProperties} is false, and recursive components sit in
 * {@code $defs}.
 */
public final class ToolModelFactory {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final NamingStrategy naming;
  private final SchemaConverter converter;
  private final DescriptionComposer descriptions;

  public ToolModelFactory(NamingStrategy naming, SchemaConverter converter, DescriptionComposer descriptions) {
    this.naming = naming;
    this.converter = converter;
    this.descriptions = descriptions;
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
    if (shape != null && shape.flattened()) {
      Map<String, String> wire = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> property : shape.properties().entrySet()) {
        String argument = arguments.get(next++);
        wire.put(argument, property.getKey());
        String pointer = JsonPointers.append(shape.propertiesPointer(), property.getKey());
        properties.set(argument, Schemas.annotate(scope.convert(property.getValue(), pointer), null, false));
        if (body.required() && shape.required().contains(property.getKey())) {
          required.add(argument);
        }
      }
      bodyBinding = new BodyBindingModel(body.mediaType(), body.required(), null, wire);
    } else if (shape != null) {
      String argument = arguments.get(next);
      properties.set(argument, Schemas.annotate(scope.convert(body.schema(), body.pointer()), body.description(),
          false));
      if (body.required()) {
        required.add(argument);
      }
      bodyBinding = new BodyBindingModel(body.mediaType(), body.required(), argument, Map.of());
    }

    Map<String, JsonNode> root = new HashMap<>();
    root.put("type", JSON.textNode("object"));
    root.put("properties", properties);
    if (!required.isEmpty()) {
      root.put("required", required);
    }
    root.put("additionalProperties", JSON.booleanNode(false));
    ObjectNode defs = scope.defs();
    if (!defs.isEmpty()) {
      root.put("$defs", defs);
    }

    HttpBindingModel http = new HttpBindingModel(operation.method(), operation.path(), bindings, bodyBinding,
        operation.security());
    return new ToolModel(name, methodName, operation.summary(), descriptions.compose(operation),
        Schemas.toJson(Schemas.ordered(root)), ToolHints.forMethod(operation.method()), http);
  }

  private static ParameterBindingModel binding(ParameterModel parameter, String argument) {
    String style = parameter.style() != null ? parameter.style() : ParameterBindingModel.defaultStyle(parameter.in());
    boolean explode = parameter.explode() != null ? parameter.explode() : ParameterBindingModel.defaultExplode(style);
    return new ParameterBindingModel(argument, parameter.name(), parameter.in(), style, explode,
        parameter.required());
  }
}
