package dev.openapi2mcp.generator.tool;

import dev.openapi2mcp.generator.model.SecuritySchemeModel;
import java.util.List;
import java.util.Objects;

/**
 * One API of a service catalog as the emitter writes it (issue 4): it becomes an {@code ApiDefinition} of the
 * generated server.
 *
 * @param namespace the API's namespace, {@code [a-z][a-z0-9_-]*}
 * @param title the API's title, or null
 * @param baseUrl the API's base URL, or null
 * @param securitySchemes the schemes some tool of this API refers to, sorted by name
 */
public record CatalogApiModel(String namespace, String title, String baseUrl,
    List<SecuritySchemeModel> securitySchemes) {

  public CatalogApiModel {
    Objects.requireNonNull(namespace, "namespace");
    securitySchemes = List.copyOf(securitySchemes);
  }
}
