package dev.openapi2mcp.generator.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ParameterLocation;
import dev.openapi2mcp.runtime.tool.RequestBody;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls whose failure is Prism's fault, not the runtime's: defects of Prism 5.16.0 that make it crash on, or
 * reject, requests that follow the spec. Each rule matches the defect's exact signature (Prism's stack trace or
 * violation text) <em>and</em> checks, from the tool's binding and the arguments, that the request is one the defect
 * applies to; anything else counts. Every excluded call is still listed in the report with its request and the
 * reason. Each defect was reproduced by hand with curl against {@code prism mock}.
 */
final class KnownMockBugs {
  private static final Pattern BODY_TYPE = Pattern.compile(
      "(?:request\\.)?body\\.([^:]+): Request body property \\1 must be (array|object) \\[type]");
  private static final Pattern BODY_RESERVED = Pattern.compile(
      "(?:request\\.)?body\\.([^:]+): Reserved characters used in request body \\[]");
  private static final Pattern DEEP_REQUIRED = Pattern.compile("(?:request\\.)?(body|query)\\.([^:]+): Request "
      + "(?:body property|query parameter) \\2 must have required property '([^']+)' \\[required]");
  private static final Pattern ONE_OF = Pattern.compile("(?:request\\.)?(path|query|header)\\.([^:]+): Request "
      + "\\w+ parameter \\2 must match exactly one schema in oneOf \\[oneOf]");
  private static final String JSON_OBJECT_ARRAY =
      "Cannot deserialize JSON object array in form data request body. Make sure the array is in JSON";

  private KnownMockBugs() {}

  /** Why a non-accepted call is excluded, or null when it counts against the runtime. */
  static String exclusion(ToolDefinition tool, JsonNode arguments, Verdict verdict) {
    String detail = verdict.detail();
    if (verdict.kind() == Verdict.Kind.MOCK_ERROR) {
      return crash(tool, arguments, detail);
    }
    if (verdict.kind() != Verdict.Kind.REJECTED) {
      return null;
    }
    List<String> violations = List.of(detail.split("\n"));
    if (violations.stream().allMatch(v -> isMultipartContainerField(tool, v))) {
      return "Prism 5.16.0 reads every multipart/form-data part as a plain string (the last part of a name wins) "
          + "and decodes no JSON part, so an array (of values or of files) or an object field without an encoding "
          + "style is always 'must be array/object', whatever is sent (repeated parts as RFC 7578 §4.3 and OpenAPI "
          + "3.1.1 §4.8.15.3 say, or one JSON part); reproduced with curl -F";
    }
    if (violations.stream().allMatch(v -> isNumericValueOfStringOrNumberOneOf(tool, arguments, v))) {
      return "Prism 5.16.0 validates parameters with type coercion on, so a numeric value of a parameter whose "
          + "schema is oneOf [integer, string] (GitHub's workflow_id) matches both branches and fails oneOf; only "
          + "non-numeric strings pass, whatever is sent for a number";
    }
    if (violations.stream().allMatch(v -> isStyledMultipartField(tool, v))) {
      return "Prism 5.16.0 applies its reserved-character check for percent-encoded form bodies to multipart "
          + "parts, where OpenAPI 3.1.1 §4.8.15.1.2 forbids percent-encoding: the style's own delimiter (the comma "
          + "of a non-exploded form value) is then always 'reserved'";
    }
    if (violations.stream().allMatch(v -> isAbsentDeepObject(tool, arguments, v))) {
      return "Prism 5.16.0's deepObject deserializer builds every nested object the schema declares, sent or not, "
          + "and then reports the required properties of the ones that were not sent as missing";
    }
    if (violations.stream().allMatch(v -> isAbsentDeepObject(tool, arguments, v)
        || isUntypedDeepObjectContainer(tool, arguments, v))) {
      return "Prism 5.16.0's deepObject deserializer builds every nested object the schema declares, sent or not "
          + "(so the required properties of those not sent are 'missing'), and reads a property typed by "
          + "anyOf/oneOf only from its own key, so an array or object sent under it (name[a][0]=…) is not seen";
    }
    if (violations.stream().allMatch(v -> v.contains(JSON_OBJECT_ARRAY)) && hasDeepObjectArrayOfObjects(tool,
        arguments)) {
      return "Prism 5.16.0 wants an array of objects in a form body as JSON text even when its encoding is "
          + "deepObject (list[0][key]=…), and then fails to parse the objects its own deepObject deserializer built";
    }
    return null;
  }

  private static String crash(ToolDefinition tool, JsonNode arguments, String detail) {
    boolean pathCrash = detail.matches("(?s).*deserializers/style/(simple|label|matrix)\\.js.*")
        && detail.matches("(?s).*TypeError: .*(split|startsWith) is not a function.*");
    if (pathCrash && hasContainerArgument(tool, arguments, ParameterLocation.PATH, true)) {
      return "Prism 5.16.0 crashes (uncaught TypeError, the process exits) when a path segment holds a comma: "
          + "uri-template-lite matches it as a list and Prism's simple/label/matrix deserializers call string "
          + "methods on it; every non-exploded array or object path value of two or more items has commas";
    }
    boolean missingHeader = detail.matches("(?s).*deserializers/style/simple\\.js.*")
        && detail.contains("Cannot read properties of undefined (reading 'split')");
    if (missingHeader && hasContainerArgument(tool, arguments, ParameterLocation.HEADER, false)) {
      return "Prism 5.16.0 crashes (uncaught TypeError, the process exits) when an optional array or object "
          + "header parameter is absent: it deserializes every declared header whether sent or not";
    }
    boolean delimitedObject = detail.matches("(?s).*deserializers/style/delimited\\.js.*")
        && detail.contains("delimited style is only applicable to array parameter");
    if (delimitedObject && hasDelimited(tool)) {
      return "Prism 5.16.0 crashes (uncaught Error, the process exits) on any request to an operation that "
          + "declares a spaceDelimited or pipeDelimited parameter of object type (the OpenAPI style table defines "
          + "it: color=R%20100%20G%20200…); it throws before looking at what was sent";
    }
    return null;
  }

  private static boolean isMultipartContainerField(ToolDefinition tool, String violation) {
    RequestBody body = tool.http().body();
    Matcher m = BODY_TYPE.matcher(violation.strip());
    if (body == null || !m.matches() || !body.mediaType().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      return false;
    }
    String field = m.group(1);
    boolean isField = body.argument() != null || body.properties().containsValue(field);
    return isField && !body.encodings().containsKey(field);
  }

  private static boolean isNumericValueOfStringOrNumberOneOf(ToolDefinition tool, JsonNode arguments,
      String violation) {
    Matcher m = ONE_OF.matcher(violation.strip());
    if (!m.matches()) {
      return false;
    }
    JsonNode properties = ArgumentSampler.parse(tool.inputSchema()).path("properties");
    for (ParameterBinding parameter : tool.http().parameters()) {
      if (!parameter.name().equals(m.group(2))
          || !parameter.location().name().toLowerCase(Locale.ROOT).equals(m.group(1))) {
        continue;
      }
      JsonNode value = arguments.get(parameter.argument());
      boolean numeric = value != null && (value.isNumber()
          || value.isTextual() && value.textValue().matches("-?\\d+(\\.\\d+)?"));
      List<String> types = new java.util.ArrayList<>();
      properties.path(parameter.argument()).path("oneOf").forEach(branch -> types.add(branch.path("type").asText()));
      return numeric && types.contains("string") && (types.contains("integer") || types.contains("number"));
    }
    return false;
  }

  private static boolean isStyledMultipartField(ToolDefinition tool, String violation) {
    RequestBody body = tool.http().body();
    Matcher m = BODY_RESERVED.matcher(violation.strip());
    return body != null && m.matches() && body.mediaType().toLowerCase(Locale.ROOT).startsWith("multipart/")
        && body.encodings().containsKey(m.group(1));
  }

  /**
   * A "must have required property" about a deepObject value (query parameter or form field) at a path the call
   * did not send at all.
   */
  private static boolean isAbsentDeepObject(ToolDefinition tool, JsonNode arguments, String violation) {
    DeepValue deep = deepValue(tool, arguments, violation);
    return deep != null && (deep.value() == null || deep.value().isNull());
  }

  /**
   * A "must have required property P" where P was sent, as an array or object, and its schema has no type of its
   * own but anyOf/oneOf branches.
   */
  private static boolean isUntypedDeepObjectContainer(ToolDefinition tool, JsonNode arguments, String violation) {
    DeepValue deep = deepValue(tool, arguments, violation);
    if (deep == null || deep.value() == null) {
      return false;
    }
    JsonNode sent = deep.value().get(deep.property());
    JsonNode schema = deep.schema() == null ? null : deep.schema().path("properties").get(deep.property());
    return sent != null && sent.isContainerNode() && schema != null && !schema.has("type")
        && (schema.has("anyOf") || schema.has("oneOf"));
  }

  /**
   * The value (and its inputSchema, where it can be followed through properties and $defs refs) at the path a
   * deepObject "required property" violation names, or null when the violation is not about a deepObject value.
   */
  private record DeepValue(JsonNode value, JsonNode schema, String property) {}

  private static DeepValue deepValue(ToolDefinition tool, JsonNode arguments, String violation) {
    Matcher m = DEEP_REQUIRED.matcher(violation.strip());
    if (!m.matches()) {
      return null;
    }
    String[] path = m.group(2).split("\\.");
    String argument = null;
    if (m.group(1).equals("query")) {
      for (ParameterBinding parameter : tool.http().parameters()) {
        if (parameter.location() == ParameterLocation.QUERY && parameter.name().equals(path[0])
            && parameter.style().equals("deepObject")) {
          argument = parameter.argument();
        }
      }
    } else {
      RequestBody body = tool.http().body();
      if (body != null && body.argument() == null && body.encodings().containsKey(path[0])
          && body.encodings().get(path[0]).style().equals("deepObject")) {
        for (Map.Entry<String, String> property : body.properties().entrySet()) {
          if (property.getValue().equals(path[0])) {
            argument = property.getKey();
          }
        }
      }
    }
    if (argument == null) {
      return null;
    }
    JsonNode root = ArgumentSampler.parse(tool.inputSchema());
    JsonNode value = arguments.get(argument);
    JsonNode schema = follow(root, root.path("properties").get(argument));
    for (int i = 1; i < path.length; i++) {
      value = value == null ? null : value.get(path[i]);
      schema = schema == null ? null : follow(root, schema.path("properties").get(path[i]));
    }
    return new DeepValue(value, schema, m.group(3));
  }

  private static JsonNode follow(JsonNode root, JsonNode schema) {
    if (schema != null && schema.path("$ref").asText("").startsWith("#/")) {
      return root.at(schema.get("$ref").asText().substring(1));
    }
    return schema;
  }

  private static boolean hasDeepObjectArrayOfObjects(ToolDefinition tool, JsonNode arguments) {
    RequestBody body = tool.http().body();
    if (body == null || body.argument() != null) {
      return false;
    }
    for (Map.Entry<String, String> property : body.properties().entrySet()) {
      RequestBody.Encoding encoding = body.encodings().get(property.getValue());
      JsonNode value = arguments.get(property.getKey());
      if (encoding != null && encoding.style().equals("deepObject") && value != null && value.isArray()
          && value.size() > 0 && value.get(0).isObject()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a parameter in {@code location} takes an array or object: given ({@code present}) as a container
   * value, or absent from the call and declared as such in the inputSchema.
   */
  private static boolean hasContainerArgument(ToolDefinition tool, JsonNode arguments, ParameterLocation location,
      boolean present) {
    JsonNode properties = ArgumentSampler.parse(tool.inputSchema()).path("properties");
    for (ParameterBinding parameter : tool.http().parameters()) {
      if (parameter.location() != location) {
        continue;
      }
      JsonNode value = arguments.get(parameter.argument());
      if (present && value != null && value.isContainerNode()) {
        return true;
      }
      String type = properties.path(parameter.argument()).path("type").asText("");
      if (!present && value == null && !parameter.required() && (type.equals("array") || type.equals("object"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasDelimited(ToolDefinition tool) {
    RequestBody body = tool.http().body();
    return tool.http().parameters().stream()
        .anyMatch(p -> p.style().equals("spaceDelimited") || p.style().equals("pipeDelimited"))
        || body != null && body.encodings().values().stream()
            .anyMatch(e -> e.style().equals("spaceDelimited") || e.style().equals("pipeDelimited"));
  }
}
