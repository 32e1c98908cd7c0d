package dev.openapi2mcp.generator.tool;

import dev.openapi2mcp.generator.model.ApiModel;
import dev.openapi2mcp.generator.model.SecuritySchemeModel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Puts the server together: identity from the config and the spec, the tools, the schemes they use. */
public final class ServerModelFactory {
  private ServerModelFactory() {}

  public static ServerModel create(String serverName, String packageName, ApiModel api, List<ToolModel> tools) {
    Set<String> used = new HashSet<>();
    for (ToolModel tool : tools) {
      tool.http().security().forEach(used::addAll);
    }
    List<SecuritySchemeModel> schemes = api.securitySchemes().stream()
        .filter(scheme -> used.contains(scheme.name()))
        .toList();
    return new ServerModel(serverName, packageName, api.version(), api.title(), api.baseUrl(), schemes, tools);
  }
}
