package dev.openapi2mcp.generator.tool;

import dev.openapi2mcp.generator.model.SecuritySchemeModel;
import java.util.List;
import java.util.Objects;

/**
 * Everything the emitter writes for one server.
 *
 * @param serverName the MCP server name as configured
 * @param packageName the Java package of the generated classes
 * @param version the server version (the API's {@code info.version})
 * @param title the API's title, or null
 * @param baseUrl the API's base URL, or null
 * @param securitySchemes the schemes some tool refers to, sorted by name
 * @param tools the tools, in spec order (a catalog's: API by API, in the order the APIs were given)
 * @param apis the APIs of a service catalog (issue 4), whose own base URLs and schemes replace {@code baseUrl} and
 *     {@code securitySchemes}; empty for a server of one API
 */
public record ServerModel(
    String serverName,
    String packageName,
    String version,
    String title,
    String baseUrl,
    List<SecuritySchemeModel> securitySchemes,
    List<ToolModel> tools,
    List<CatalogApiModel> apis) {

  /** A server of one API. */
  public ServerModel(String serverName, String packageName, String version, String title, String baseUrl,
      List<SecuritySchemeModel> securitySchemes, List<ToolModel> tools) {
    this(serverName, packageName, version, title, baseUrl, securitySchemes, tools, List.of());
  }

  public ServerModel {
    apis = List.copyOf(apis);
    Objects.requireNonNull(serverName, "serverName");
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(version, "version");
    securitySchemes = List.copyOf(securitySchemes);
    tools = List.copyOf(tools);
  }
}
