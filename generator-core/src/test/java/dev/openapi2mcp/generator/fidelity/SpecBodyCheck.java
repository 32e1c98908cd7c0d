package dev.openapi2mcp.generator.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A second referee for JSON request bodies: the body that went on the wire, validated against the request body
 * schema of its operation <em>in the spec itself</em> (networknt, OpenAPI 3.0 or 3.1 dialect, formats asserted).
 *
 * <p>Why: Prism compiles each body schema with ajv and, when that fails (GitHub has such schemas), skips the body
 * without a word (its {@code validateAgainstSchema} wraps compilation in {@code O.tryCatch}); this check closes that
 * gap for JSON bodies. It reads the spec's own schema, not the tool's inputSchema, so it also catches a generator
 * that lost a constraint on the way.
 */
final class SpecBodyCheck {
  private static final String SPEC_IRI = "https://fidelity.invalid/spec.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The registry keeps every schema it compiled; a fresh one every so many bodies bounds the memory. */
  private static final int SCHEMAS_PER_REGISTRY = 32;

  private final String text;
  private final JsonNode spec;
  private SchemaRegistry registry;
  private final Map<String, Schema> schemas = new HashMap<>();

  SpecBodyCheck(Path specFile) throws IOException {
    this.text = Files.readString(specFile, StandardCharsets.UTF_8);
    this.spec = JSON.readTree(text);
  }

  private Schema schema(String pointer) {
    Schema schema = schemas.get(pointer);
    if (schema != null) {
      return schema;
    }
    if (registry == null || schemas.size() >= SCHEMAS_PER_REGISTRY) {
      schemas.clear();
      boolean v31 = spec.path("openapi").asText("").startsWith("3.1");
      registry = SchemaRegistry.withDefaultDialect(v31 ? Dialects.getOpenApi31() : Dialects.getOpenApi30(),
          builder -> builder
              .resourceLoaders(loaders -> loaders.resources(Map.of(SPEC_IRI, text)))
              .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }
    schema = registry.getSchema(SchemaLocation.of(SPEC_IRI + "#" + fragment(pointer)));
    schemas.put(pointer, schema);
    return schema;
  }

  /** The violations of the exchange's JSON body against its operation's body schema; empty when none apply. */
  List<String> problems(ToolDefinition tool, Exchange exchange) {
    String contentType = exchange.requestHeader("Content-Type");
    if (exchange.requestBody().length == 0 || contentType == null || !isJson(contentType)) {
      return List.of();
    }
    String pointer = schemaPointer(tool, contentType);
    if (pointer == null) {
      return List.of();
    }
    List<Error> errors = schema(pointer).validate(new String(exchange.requestBody(), StandardCharsets.UTF_8),
        InputFormat.JSON);
    return errors.stream().map(error -> "body " + error).toList();
  }

  /** The JSON pointer of the operation's request body schema for the sent media type, or null. */
  private String schemaPointer(ToolDefinition tool, String contentType) {
    String operation = "/paths/" + escape(tool.http().pathTemplate()) + "/"
        + tool.http().method().toLowerCase(Locale.ROOT) + "/requestBody";
    JsonNode body = spec.at(operation);
    if (body.has("$ref") && body.get("$ref").asText().startsWith("#/")) {
      operation = body.get("$ref").asText().substring(1);
      body = spec.at(operation);
    }
    String essence = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    for (Map.Entry<String, JsonNode> media : body.path("content").properties()) {
      if (media.getKey().split(";")[0].strip().toLowerCase(Locale.ROOT).equals(essence)
          && media.getValue().has("schema")) {
        return operation + "/content/" + escape(media.getKey()) + "/schema";
      }
    }
    return null;
  }

  private static boolean isJson(String contentType) {
    String essence = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    return essence.equals("application/json") || essence.endsWith("+json");
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** A JSON pointer as a URI fragment: what is not unreserved or a pointer delimiter is percent-encoded. */
  private static String fragment(String pointer) {
    StringBuilder out = new StringBuilder();
    for (byte b : pointer.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }
}
