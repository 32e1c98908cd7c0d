package dev.openapi2mcp.generator.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the later stages need from a spec; no swagger-parser type lies beyond this record.
 *
 * @param title the API's {@code info.title}, or null
 * @param version the API's {@code info.version}
 * @param baseUrl the first server's URL with its variables set to their defaults, or null when the spec gives
 *     no absolute one
 * @param openApi31 whether schemas are in the OpenAPI 3.1 dialect (JSON Schema 2020-12) rather than 3.0's
 * @param operations every operation, in path order and, within a path, in {@link HttpMethod} order
 * @param securitySchemes the supported schemes, sorted by name
 * @param componentSchemas the schemas under {@code components.schemas} in spec order, in the spec's dialect;
 *     read-only
 */
public record ApiModel(
    String title,
    String version,
    String baseUrl,
    boolean openApi31,
    List<OperationModel> operations,
    List<SecuritySchemeModel> securitySchemes,
    Map<String, JsonNode> componentSchemas) {

  public ApiModel {
    Objects.requireNonNull(version, "version");
    operations = List.copyOf(operations);
    securitySchemes = List.copyOf(securitySchemes);
    componentSchemas = Collections.unmodifiableMap(new LinkedHashMap<>(componentSchemas));
  }
}
