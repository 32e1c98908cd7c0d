package dev.openapi2mcp.generator;

import dev.openapi2mcp.generator.diagnostics.Diagnostics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks the namespaces of a service catalog (issue 4): every API has one when there are several, each matches
 * {@value #PATTERN_TEXT}, leaves room in tool names, and is used once. Each error names the namespace and the spec.
 */
final class Namespaces {
  static final String PATTERN_TEXT = "[a-z][a-z0-9_-]*";
  private static final Pattern PATTERN = Pattern.compile(PATTERN_TEXT);

  private Namespaces() {}

  static void check(List<ApiSource> apis, int maxLength, Diagnostics diagnostics) {
    Map<String, String> seen = new HashMap<>();
    for (ApiSource api : apis) {
      Diagnostics file = diagnostics.forFile(api.inputSpec());
      String namespace = api.namespace();
      if (namespace == null) {
        file.error("a catalog of " + apis.size() + " APIs needs a namespace for each; the API of this spec has "
            + "none", null, null);
        continue;
      }
      if (!PATTERN.matcher(namespace).matches()) {
        file.error("namespace '" + namespace + "' must match " + PATTERN_TEXT
            + " (lower-case letter first, then lower-case letters, digits, '_' or '-')", null, null);
      } else if (namespace.length() > maxLength) {
        file.error("namespace '" + namespace + "' is longer than " + maxLength + " characters, which would leave "
            + "too little of each tool name to the operation", null, null);
      }
      String other = seen.putIfAbsent(namespace, api.inputSpec());
      if (other != null) {
        file.error("namespace '" + namespace + "' is already used by the API of " + other
            + "; each API needs its own", null, null);
      }
    }
  }
}
