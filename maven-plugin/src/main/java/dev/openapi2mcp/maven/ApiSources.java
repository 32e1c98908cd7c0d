package dev.openapi2mcp.maven;

import dev.openapi2mcp.generator.ApiSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps the goal's API parameters onto the generator's {@link ApiSource}s: either {@code inputSpec} (a server of one
 * API, with the top-level {@code serverUrl} and {@code serverVariables}) or {@code apis} (a service catalog, issue 4,
 * each {@code <api>} with its own), never both and never neither.
 */
final class ApiSources {
  private ApiSources() {}

  /**
   * @throws IllegalArgumentException naming the parameter at fault
   */
  static List<ApiSource> of(String inputSpec, String serverUrl, Map<String, String> serverVariables, List<Api> apis,
      Path basedir) {
    boolean hasApis = apis != null && !apis.isEmpty();
    boolean hasSpec = inputSpec != null && !inputSpec.isBlank();
    if (hasApis == hasSpec) {
      throw new IllegalArgumentException(hasApis
          ? "give either inputSpec (one API) or apis (a catalog of several), not both"
          : "no OpenAPI description: set inputSpec (one API) or apis (a catalog of several)");
    }
    if (hasSpec) {
      return List.of(ApiSource.of(SpecLocation.resolve(inputSpec, basedir))
          .withServerUrl(serverUrl)
          .withServerVariables(serverVariables == null ? Map.of() : serverVariables));
    }
    if (serverUrl != null || (serverVariables != null && !serverVariables.isEmpty())) {
      throw new IllegalArgumentException("serverUrl and serverVariables belong inside each <api> when apis is set");
    }
    List<ApiSource> sources = new ArrayList<>();
    for (int i = 0; i < apis.size(); i++) {
      Api api = apis.get(i);
      if (api.spec == null || api.spec.isBlank()) {
        throw new IllegalArgumentException("apis: <api> number " + (i + 1)
            + (api.namespace == null ? "" : " (namespace " + api.namespace + ")") + " has no <spec>");
      }
      sources.add(ApiSource.of(SpecLocation.resolve(api.spec, basedir))
          .withNamespace(api.namespace)
          .withServerUrl(api.serverUrl)
          .withServerVariables(api.serverVariables == null ? Map.of() : api.serverVariables)
          .withOverrides(api.overrides == null ? null : api.overrides.toPath()));
    }
    return sources;
  }
}
