package dev.openapi2mcp.runtime.cli;

import dev.openapi2mcp.runtime.tool.ApiDefinition;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.Suggestions;
import java.util.List;

/**
 * Which base URL each API of a server gets from the command line: {@code --base-url URL} for a server of one API,
 * {@code --base-url NAME=URL} per API of a service catalog (issue 4), else the URL from the API's description.
 * Mistakes are usage errors naming the option and the API.
 */
final class BaseUrls {
  private BaseUrls() {}

  /**
   * The base URL of a server of one API, or null when no tool needs one (all are hand-written).
   *
   * @throws UsageException when {@code NAME=URL} is given, or no usable URL is known
   */
  static String plain(ServerDefinition definition, CommandLine options) throws UsageException {
    if (!options.apiBaseUrls().isEmpty()) {
      String name = options.apiBaseUrls().keySet().iterator().next();
      throw new UsageException("--base-url " + name + "=URL names an API, but server '" + definition.name()
          + "' serves one API without a name; pass --base-url URL");
    }
    boolean needed = definition.tools().stream().anyMatch(tool -> tool.http() != null);
    String baseUrl = options.baseUrl() != null ? options.baseUrl() : definition.baseUrl();
    if (!needed && baseUrl == null) {
      return null;
    }
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new UsageException("no base URL for the API: its description declares no server; pass --base-url URL");
    }
    if (!CommandLine.isHttpUrl(baseUrl)) {
      throw new UsageException("the API's base URL '" + baseUrl + "' is not an absolute http(s) URL; pass "
          + "--base-url URL");
    }
    return baseUrl;
  }

  /**
   * Checks the base URLs of a catalog: every {@code NAME=URL} names an API of the server, and every API with tools
   * ends up with an absolute http(s) URL.
   *
   * @throws UsageException naming the API at fault (with the closest names for an unknown one)
   */
  static void checkCatalog(ServerDefinition definition, CommandLine options) throws UsageException {
    List<String> names = definition.apis().stream().map(ApiDefinition::name).toList();
    if (options.baseUrl() != null) {
      throw new UsageException("server '" + definition.name() + "' is a catalog of APIs (" + String.join(", ", names)
          + "); give each its base URL as --base-url NAME=URL");
    }
    for (String name : options.apiBaseUrls().keySet()) {
      if (!names.contains(name)) {
        throw new UsageException("--base-url " + name + "=URL: server '" + definition.name() + "' has no API '"
            + name + "'" + Suggestions.didYouMean(name, names));
      }
    }
    for (ApiDefinition api : definition.apis()) {
      boolean needed = definition.tools().stream()
          .anyMatch(tool -> api.name().equals(tool.api()) && tool.http() != null);
      String url = options.apiBaseUrls().getOrDefault(api.name(), api.baseUrl());
      if (!needed) {
        continue;
      }
      if (url == null || url.isBlank()) {
        throw new UsageException("no base URL for API '" + api.name() + "': its description declares no server; "
            + "pass --base-url " + api.name() + "=URL");
      }
      if (!CommandLine.isHttpUrl(url)) {
        throw new UsageException("the base URL '" + url + "' of API '" + api.name() + "' is not an absolute "
            + "http(s) URL; pass --base-url " + api.name() + "=URL");
      }
    }
  }
}
