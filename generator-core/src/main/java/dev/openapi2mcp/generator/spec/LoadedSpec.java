package dev.openapi2mcp.generator.spec;

import io.swagger.v3.oas.models.OpenAPI;
import java.util.Objects;

/**
 * A parsed spec with its references resolved (but not inlined) by swagger-parser.
 *
 * @param openApi the parsed description; a Swagger 2.0 input arrives here already converted to 3.0
 * @param file the input as the user named it, for diagnostics
 * @param openApi31 whether schemas follow OpenAPI 3.1 (JSON Schema 2020-12) rather than the 3.0 dialect
 */
public record LoadedSpec(OpenAPI openApi, String file, boolean openApi31) {
  public LoadedSpec {
    Objects.requireNonNull(openApi, "openApi");
    Objects.requireNonNull(file, "file");
  }
}
