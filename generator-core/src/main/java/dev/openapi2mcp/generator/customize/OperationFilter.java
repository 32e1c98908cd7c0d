package dev.openapi2mcp.generator.customize;

import dev.openapi2mcp.generator.Diagnostic;
import dev.openapi2mcp.generator.ToolFilter;
import dev.openapi2mcp.generator.diagnostics.Diagnostics;
import dev.openapi2mcp.generator.diagnostics.Suggestions;
import dev.openapi2mcp.generator.model.HttpMethod;
import dev.openapi2mcp.generator.model.OperationModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Applies a {@link ToolFilter} to an API's operations (issue 4), with the semantics its Javadoc fixes: an
 * operation is kept when some include rule matches it (tag, operationId or path glob; only when any is given), no
 * exclude rule matches it, its method is among {@code methods} (when given; compared case-insensitively), and it is
 * safe (GET, HEAD or OPTIONS) when {@code readOnly} is set. Path globs: see {@link PathGlob}.
 *
 * <p>A rule that names nothing is most likely a typo, which would silently change the server: an operationId or tag
 * that no operation has, and a method name that is not one, are errors naming it and the nearest existing one; a
 * path glob that matches no path is a warning. A filter that keeps no operation at all is a warning.
 */
public final class OperationFilter {
  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private final ToolFilter filter;
  private final String api;
  private final Diagnostics diagnostics;

  private OperationFilter(ToolFilter filter, String namespace, Diagnostics diagnostics) {
    this.filter = filter;
    this.api = namespace == null ? "" : " of API " + namespace;
    this.diagnostics = diagnostics;
  }

  /**
   * The operations {@code filter} keeps, in their order.
   *
   * @param namespace the API's namespace in a service catalog, named in messages; null for a plain server
   */
  public static List<OperationModel> apply(ToolFilter filter, List<OperationModel> operations, String namespace,
      Diagnostics diagnostics) {
    return new OperationFilter(filter, namespace, diagnostics).apply(operations);
  }

  private List<OperationModel> apply(List<OperationModel> operations) {
    Set<String> operationIds = new LinkedHashSet<>();
    Set<String> tags = new LinkedHashSet<>();
    for (OperationModel operation : operations) {
      if (operation.operationId() != null) {
        operationIds.add(operation.operationId());
      }
      tags.addAll(operation.tags());
    }
    unknown("operationId", "includeOperations", filter.includeOperations(), operationIds);
    unknown("operationId", "excludeOperations", filter.excludeOperations(), operationIds);
    unknown("tag", "includeTags", filter.includeTags(), tags);
    unknown("tag", "excludeTags", filter.excludeTags(), tags);
    Set<HttpMethod> methods = methods();
    List<PathGlob> includePaths = globs("includePaths", filter.includePaths(), operations);
    List<PathGlob> excludePaths = globs("excludePaths", filter.excludePaths(), operations);

    boolean anyInclude = !filter.includeTags().isEmpty() || !filter.includeOperations().isEmpty()
        || !includePaths.isEmpty();
    List<OperationModel> kept = new ArrayList<>();
    for (OperationModel operation : operations) {
      boolean included = !anyInclude
          || matchesAny(operation.tags(), filter.includeTags())
          || named(filter.includeOperations(), operation)
          || includePaths.stream().anyMatch(glob -> glob.matches(operation.path()));
      boolean excluded = matchesAny(operation.tags(), filter.excludeTags())
          || named(filter.excludeOperations(), operation)
          || excludePaths.stream().anyMatch(glob -> glob.matches(operation.path()));
      boolean methodKept = (methods.isEmpty() || methods.contains(operation.method()))
          && (!filter.readOnly() || SAFE.contains(operation.method()));
      if (included && !excluded && methodKept) {
        kept.add(operation);
      }
    }
    if (kept.isEmpty() && !operations.isEmpty()) {
      diagnostics.warning("the filter" + api + " keeps none of the " + operations.size()
          + " operations: there are no tools from it", null, null);
    }
    return kept;
  }

  private void unknown(String what, String rule, Collection<String> named, Set<String> existing) {
    for (String name : named) {
      if (!existing.contains(name)) {
        error("unknown " + what + " '" + name + "' in " + rule + " of the filter" + api
            + Suggestions.didYouMean(name, existing));
      }
    }
  }

  private Set<HttpMethod> methods() {
    List<String> known = Arrays.stream(HttpMethod.values()).map(Enum::name).toList();
    Set<HttpMethod> methods = new LinkedHashSet<>();
    for (String name : filter.methods()) {
      String upper = name.strip().toUpperCase(Locale.ROOT);
      if (known.contains(upper)) {
        methods.add(HttpMethod.valueOf(upper));
      } else {
        error("unknown HTTP method '" + name + "' in methods of the filter" + api
            + Suggestions.didYouMean(upper, known));
      }
    }
    return methods;
  }

  private List<PathGlob> globs(String rule, List<String> patterns, List<OperationModel> operations) {
    List<PathGlob> globs = new ArrayList<>();
    for (String pattern : patterns) {
      PathGlob glob = new PathGlob(pattern);
      if (!operations.isEmpty() && operations.stream().noneMatch(operation -> glob.matches(operation.path()))) {
        diagnostics.warning("path glob '" + pattern + "' in " + rule + " of the filter" + api
            + " matches no path", null, null);
      }
      globs.add(glob);
    }
    return globs;
  }

  private static boolean named(Set<String> operationIds, OperationModel operation) {
    return operation.operationId() != null && operationIds.contains(operation.operationId());
  }

  private static boolean matchesAny(List<String> tags, Set<String> wanted) {
    return tags.stream().anyMatch(wanted::contains);
  }

  private void error(String message) {
    diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, message, null, null, null));
  }
}
