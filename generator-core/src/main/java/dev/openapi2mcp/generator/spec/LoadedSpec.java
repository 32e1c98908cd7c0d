package dev.openapi2mcp.generator.spec;

import io.swagger.v3.oas.models.OpenAPI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed spec with its references resolved (but not inlined) by swagger-parser.
 *
 * @param openApi the parsed description; a Swagger 2.0 input arrives here already converted to 3.0
 * @param file the input as the user named it, for diagnostics
 * @param openApi31 whether schemas follow OpenAPI 3.1 (JSON Schema 2020-12) rather than the 3.0 dialect
 * @param methodOrder path → its operations' methods (lower case) in document order, which the parsed model
 *     loses; a path missing here (e.g. a referenced path item) keeps the parser's order
 */
public record LoadedSpec(OpenAPI openApi, String file, boolean openApi31, Map<String, List<String>> methodOrder) {
  public LoadedSpec {
    Objects.requireNonNull(openApi, "openApi");
    Objects.requireNonNull(file, "file");
    methodOrder = Map.copyOf(methodOrder);
  }
}
