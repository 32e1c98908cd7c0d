package dev.openapi2mcp.runtime.cli;

import dev.openapi2mcp.runtime.tool.ToolDefinition;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Spots a {@code --base-url} whose last path segment the API's paths repeat: with {@code https://host/rest} and paths
 * {@code /rest/api/…}, every request goes to {@code /rest/rest/api/…}, which the upstream answers with 404s that look
 * like a bug of the tools rather than of the URL.
 *
 * <p>Invariant: warns only when more than half of the HTTP tools' paths start with that segment, so that one
 * operation that happens to share it does not raise a false alarm.
 */
final class DoubledPrefix {
  private DoubledPrefix() {}

  /**
   * The warning for {@code baseUrl} given as {@code option} (e.g. {@code --base-url} or
   * {@code --base-url inventory=URL}) and the HTTP tools among {@code tools}, or empty when the paths do not repeat
   * the URL's last segment.
   */
  static Optional<String> warning(String option, String baseUrl, List<ToolDefinition> tools) {
    String path;
    try {
      path = URI.create(baseUrl.strip()).getRawPath();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (path == null) {
      return Optional.empty();
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String segment = path.substring(path.lastIndexOf('/') + 1);
    if (segment.isEmpty()) {
      return Optional.empty();
    }
    String prefix = "/" + segment;
    List<String> paths = tools.stream().filter(tool -> tool.http() != null)
        .map(tool -> tool.http().pathTemplate()).toList();
    long repeating = paths.stream().filter(p -> p.equals(prefix) || p.startsWith(prefix + "/")).count();
    if (paths.isEmpty() || repeating * 2 <= paths.size()) {
      return Optional.empty();
    }
    return Optional.of(option + " ends in " + prefix + " and the API's paths start with " + prefix
        + " too: requests go to " + prefix + prefix + "/...; drop " + prefix + " from " + option + "?");
  }
}
