package dev.openapi2mcp.generator.tool;

import dev.openapi2mcp.generator.model.ApiModel;
import dev.openapi2mcp.generator.model.SecuritySchemeModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Puts the server together: identity from the config and the spec, the tools, the schemes they use; for a service
 * catalog (issue 4), the APIs with theirs.
 */
public final class ServerModelFactory {
  private ServerModelFactory() {}

  public static ServerModel create(String serverName, String packageName, ApiModel api, List<ToolModel> tools) {
    return new ServerModel(serverName, packageName, api.version(), api.title(), api.baseUrl(),
        usedSchemes(api, tools), tools);
  }

  /**
   * One API of a catalog and its tools.
   *
   * @param chosenNames the tool names an overrides file or {@code x-mcp-name} chose; they are used as they are,
   *     never prefixed
   */
  public record CatalogPart(String namespace, ApiModel api, List<ToolModel> tools, Set<String> chosenNames) {
    public CatalogPart {
      tools = List.copyOf(tools);
      chosenNames = Set.copyOf(chosenNames);
    }
  }

  /**
   * A service catalog (issue 4): the tools of every API in the order given, each API with its own base URL and the
   * schemes its tools use. The server's version is the first API's, since a catalog has no version of its own.
   */
  public static ServerModel createCatalog(String serverName, String packageName, List<CatalogPart> parts) {
    List<ToolModel> tools = new ArrayList<>();
    List<CatalogApiModel> apis = new ArrayList<>();
    for (CatalogPart part : parts) {
      tools.addAll(part.tools());
      apis.add(new CatalogApiModel(part.namespace(), part.api().title(), part.api().baseUrl(),
          usedSchemes(part.api(), part.tools())));
    }
    return new ServerModel(serverName, packageName, parts.get(0).api().version(), null, null, List.of(), tools,
        apis);
  }

  private static List<SecuritySchemeModel> usedSchemes(ApiModel api, List<ToolModel> tools) {
    Set<String> used = new HashSet<>();
    for (ToolModel tool : tools) {
      tool.http().security().forEach(used::addAll);
    }
    return api.securitySchemes().stream()
        .filter(scheme -> used.contains(scheme.name()))
        .toList();
  }
}
