package dev.openapi2mcp.generator.emit;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * An OpenAPI 3.0 description with a text of the test's choice in any of the places where a spec holds text, each
 * other place holding a plain default. Written as JSON with every non-ASCII character escaped, so that lone
 * surrogates and NUL reach the parser as they are.
 */
final class HostileSpec {
  /**
   * A place in a spec that holds text, whether that text reaches the generated server's definition as data, and
   * what the error names where such text is refused.
   */
  enum Field {
    INFO_TITLE(true),
    INFO_VERSION(true),
    INFO_DESCRIPTION(false),
    /** A URL that is not one is left out with a warning. */
    SERVER_URL(false),
    SERVER_DESCRIPTION(false),
    TAG_NAME(false),
    TAG_DESCRIPTION(false),
    PATH_KEY(true),
    PATH_PARAMETER_NAME(true),
    OPERATION_ID(false),
    SUMMARY(true),
    DESCRIPTION(true),
    PARAMETER_NAME(true),
    PARAMETER_DESCRIPTION(true),
    HEADER_PARAMETER_NAME(true),
    ENUM_VALUE(true),
    PROPERTY_NAME(true),
    PROPERTY_DESCRIPTION(true),
    RESPONSE_DESCRIPTION(false),
    /** Refused by the parser: component names are [a-zA-Z0-9.-_]. */
    SECURITY_SCHEME_NAME(false, "#/components/securitySchemes"),
    API_KEY_PARAMETER_NAME(true),
    OAUTH_TOKEN_URL(true),
    OAUTH_SCOPE(true),
    /** Refused unless a valid tool name. */
    EXTENSION_TOOL_NAME(false, "x-mcp-name"),
    EXTENSION_TOOL_TITLE(true),
    EXTENSION_TOOL_DESCRIPTION(true),
    EXTENSION_ARGUMENT_DESCRIPTION(true),
    EXTENSION_FIXED_VALUE(true),
    EXTENSION_DEFAULT_VALUE(true);

    final boolean reachesDefinition;

    /** For a place where hostile text is refused: what the error names; null where it is taken. */
    final String refusal;

    Field(boolean reachesDefinition) {
      this(reachesDefinition, null);
    }

    Field(boolean reachesDefinition, String refusal) {
      this.reachesDefinition = reachesDefinition;
      this.refusal = refusal;
    }
  }

  /** Writes JSON in ASCII, so that lone surrogates and NUL reach the parser as escapes. */
  static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Map<Field, String> texts = new EnumMap<>(Field.class);

  HostileSpec with(Field field, String text) {
    texts.put(field, text);
    return this;
  }

  private String text(Field field, String fallback) {
    return texts.getOrDefault(field, fallback);
  }

  /** Writes the spec to {@code file} and returns it. */
  Path write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree()));
    return file;
  }

  ObjectNode tree() {
    ObjectNode root = NODES.objectNode().put("openapi", "3.0.3");
    root.putObject("info").put("title", text(Field.INFO_TITLE, "Items"))
        .put("version", text(Field.INFO_VERSION, "1.0.0"))
        .put("description", text(Field.INFO_DESCRIPTION, "Keeps items."));
    root.putArray("servers").addObject().put("url", text(Field.SERVER_URL, "https://api.example.com/v1"))
        .put("description", text(Field.SERVER_DESCRIPTION, "Production"));
    String tag = text(Field.TAG_NAME, "items");
    root.putArray("tags").addObject().put("name", tag).put("description", text(Field.TAG_DESCRIPTION, "Items."));

    String pathParameter = text(Field.PATH_PARAMETER_NAME, "id");
    String pathKey = "/items/{" + pathParameter + "}" + text(Field.PATH_KEY, "");
    ObjectNode operation = root.putObject("paths").putObject(pathKey).putObject("post");
    operation.put("operationId", text(Field.OPERATION_ID, "createItem"))
        .put("summary", text(Field.SUMMARY, "Create an item"))
        .put("description", text(Field.DESCRIPTION, "Creates an item in the store."));
    operation.putArray("tags").add(tag);
    if (texts.containsKey(Field.EXTENSION_TOOL_NAME)) {
      operation.put("x-mcp-name", texts.get(Field.EXTENSION_TOOL_NAME));
    }
    if (texts.containsKey(Field.EXTENSION_TOOL_TITLE)) {
      operation.put("x-mcp-title", texts.get(Field.EXTENSION_TOOL_TITLE));
    }
    if (texts.containsKey(Field.EXTENSION_TOOL_DESCRIPTION)) {
      operation.put("x-mcp-description", texts.get(Field.EXTENSION_TOOL_DESCRIPTION));
    }
    ArrayNode parameters = operation.putArray("parameters");
    parameters.addObject().put("name", pathParameter).put("in", "path").put("required", true)
        .putObject("schema").put("type", "string");
    ObjectNode query = parameters.addObject().put("name", text(Field.PARAMETER_NAME, "color")).put("in", "query")
        .put("description", text(Field.PARAMETER_DESCRIPTION, "The color of the item."));
    query.putObject("schema").put("type", "string").putArray("enum").add("red")
        .add(text(Field.ENUM_VALUE, "blue"));
    if (texts.containsKey(Field.EXTENSION_ARGUMENT_DESCRIPTION)) {
      query.put("x-mcp-description", texts.get(Field.EXTENSION_ARGUMENT_DESCRIPTION));
    }
    parameters.addObject().put("name", text(Field.HEADER_PARAMETER_NAME, "X-Request-Tag")).put("in", "header")
        .put("description", "A tag for the request.").putObject("schema").put("type", "string");
    parameters.addObject().put("name", "mode").put("in", "query").put("description", "The mode.")
        .put("x-mcp-value", text(Field.EXTENSION_FIXED_VALUE, "fast")).putObject("schema").put("type", "string");
    parameters.addObject().put("name", "note").put("in", "query").put("description", "A note.")
        .put("x-mcp-default", text(Field.EXTENSION_DEFAULT_VALUE, "none")).putObject("schema").put("type", "string");

    ObjectNode body = operation.putObject("requestBody").put("required", true).putObject("content")
        .putObject("application/json").putObject("schema").put("type", "object");
    body.putObject("properties").putObject(text(Field.PROPERTY_NAME, "label")).put("type", "string")
        .put("description", text(Field.PROPERTY_DESCRIPTION, "The label."));

    ObjectNode ok = operation.putObject("responses").putObject("200")
        .put("description", text(Field.RESPONSE_DESCRIPTION, "The item."));
    ok.putObject("content").putObject("application/json").putObject("schema").put("type", "object")
        .putObject("properties").putObject("id").put("type", "string");

    String apiKey = text(Field.SECURITY_SCHEME_NAME, "apiKey");
    ArrayNode security = operation.putArray("security");
    security.addObject().putArray(apiKey);
    String scope = text(Field.OAUTH_SCOPE, "items:write");
    security.addObject().putArray("oauth").add(scope);
    ObjectNode schemes = root.putObject("components").putObject("securitySchemes");
    schemes.putObject(apiKey).put("type", "apiKey").put("in", "header")
        .put("name", text(Field.API_KEY_PARAMETER_NAME, "X-API-Key"));
    ObjectNode flow = schemes.putObject("oauth").put("type", "oauth2").putObject("flows")
        .putObject("clientCredentials").put("tokenUrl", text(Field.OAUTH_TOKEN_URL, "https://auth.example.com/token"));
    flow.putObject("scopes").put(scope, "Write items.");
    return root;
  }
}
