package dev.openapi2mcp.generator.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.openapi2mcp.generator.testing.SchemaChecks;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks that a tool schema is a JSON Schema 2020-12 an MCP client can use:
 *
 * <ol>
 *   <li>it is valid against the 2020-12 meta-schema (networknt json-schema-validator, the meta-schemas it bundles,
 *       nothing fetched);
 *   <li>it loads as a schema, every validator initialised ({@code $ref}s resolved);
 *   <li>its root is an object schema ({@code "type": "object"}, as MCP requires of input and output schemas);
 *   <li>every local {@code $ref} points at something in the document, and there are no other {@code $ref}s;
 *   <li>every array schema has {@code items} or {@code prefixItems}, and no OpenAPI-only keyword is left
 *       ({@code nullable}, {@code example}, {@code discriminator}, {@code xml}, boolean exclusive bounds).
 * </ol>
 *
 * <p>Not thread-safe: one instance per thread.
 */
final class SchemaValidity {
  private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> SCHEMA_VALUED = Set.of("items", "not", "additionalProperties", "contains",
      "propertyNames", "if", "then", "else", "unevaluatedItems", "unevaluatedProperties", "contentSchema");
  private static final Set<String> SCHEMA_ARRAYS = Set.of("allOf", "oneOf", "anyOf", "prefixItems");
  private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "$defs",
      "dependentSchemas");
  private static final Set<String> OPENAPI_ONLY = Set.of("nullable", "example", "discriminator", "xml");

  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private final Schema metaSchema = registry.getSchema(SchemaLocation.of(META_SCHEMA));

  /** The problems of one schema, each naming where (a JSON pointer into the schema); empty when it is valid. */
  List<String> problems(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return List.of("not JSON: " + e.getOriginalMessage());
    }
    List<String> problems = new ArrayList<>();
    List<Error> errors = metaSchema.validate(json, InputFormat.JSON);
    if (!errors.isEmpty()) {
      problems.add("not valid against the 2020-12 meta-schema: " + errors.size() + " error(s), first "
          + errors.stream().limit(3).map(Error::toString).collect(Collectors.joining("; ")));
    }
    try {
      Schema schema = registry.getSchema(json, InputFormat.JSON);
      schema.initializeValidators();
    } catch (RuntimeException e) {
      problems.add("does not load as a schema: " + e);
    }
    if (!root.isObject() || !"object".equals(root.path("type").asText())) {
      problems.add("the root is not {\"type\": \"object\", ...}");
    }
    walk(root, root, "", problems);
    return problems;
  }

  private static void walk(JsonNode root, JsonNode schema, String at, List<String> problems) {
    if (problems.size() > 20 || !schema.isObject()) {
      return; // booleans are schemas too; anything else the meta-schema already reports
    }
    for (Map.Entry<String, JsonNode> field : schema.properties()) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      String here = at + "/" + escape(key);
      if (OPENAPI_ONLY.contains(key)) {
        problems.add("OpenAPI-only keyword at " + here);
      } else if ((key.equals("exclusiveMinimum") || key.equals("exclusiveMaximum")) && !value.isNumber()) {
        problems.add("non-numeric " + key + " at " + here);
      } else if (key.equals("$ref")) {
        checkRef(root, value.asText(), here, problems);
      } else if (SCHEMA_VALUED.contains(key)) {
        walk(root, value, here, problems);
      } else if (SCHEMA_ARRAYS.contains(key)) {
        for (int i = 0; i < value.size(); i++) {
          walk(root, value.get(i), here + "/" + i, problems);
        }
      } else if (SCHEMA_MAPS.contains(key) && value.isObject()) {
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
          walk(root, entry.getValue(), here + "/" + escape(entry.getKey()), problems);
        }
      }
    }
    if (SchemaChecks.isArrayType(schema.get("type")) && !schema.has("items") && !schema.has("prefixItems")) {
      problems.add("array without items at " + (at.isEmpty() ? "/" : at));
    }
  }

  private static void checkRef(JsonNode root, String ref, String at, List<String> problems) {
    if (!ref.startsWith("#")) {
      problems.add("non-local $ref '" + ref + "' at " + at);
      return;
    }
    String pointer = URLDecoder.decode(ref.substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
    if (!pointer.isEmpty() && (!pointer.startsWith("/") || root.at(pointer).isMissingNode())) {
      problems.add("$ref '" + ref + "' at " + at + " does not resolve");
    }
  }


  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
