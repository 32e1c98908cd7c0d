package dev.openapi2mcp.runtime.http;

import dev.openapi2mcp.runtime.tool.ToolDefinition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The start-up warning for tools that would go out without credentials: those with a security requirement none of
 * whose alternatives has all its credentials configured. It names how many tools, and the variables of each
 * alternative that would satisfy them, e.g. {@code 12 tools need credentials that are not set: set PETSTORE_API_KEY
 * (api_key), or PETSTORE_PETSTORE_AUTH_TOKEN (petstore_auth)}.
 *
 * <p>Invariants: names only, never a value; one line however many tools, with at most {@link #MAX_ALTERNATIVES}
 * alternatives named (the rest counted, {@code --help} lists every variable).
 */
final class MissingCredentials {
  static final int MAX_ALTERNATIVES = 4;

  private MissingCredentials() {}

  /** The warning for {@code tools} (those without an HTTP binding are skipped); empty when none lacks credentials. */
  static Optional<String> warning(Credentials credentials, List<ToolDefinition> tools) {
    int count = 0;
    Set<List<String>> alternatives = new LinkedHashSet<>();
    for (ToolDefinition tool : tools) {
      if (tool.http() == null || credentials.select(tool.http()).satisfied()) {
        continue;
      }
      count++;
      alternatives.addAll(tool.http().security());
    }
    if (count == 0) {
      return Optional.empty();
    }
    List<String> named = new ArrayList<>();
    for (List<String> alternative : alternatives) {
      if (named.size() == MAX_ALTERNATIVES) {
        break;
      }
      named.add(String.join(" and ", alternative.stream().map(credentials::variablesOf).toList()));
    }
    int more = alternatives.size() - named.size();
    return Optional.of(count + (count == 1 ? " tool needs" : " tools need") + " credentials that are not set: set "
        + String.join(", or ", named) + (more > 0 ? ", or one of " + more + " more (see --help)" : ""));
  }
}
