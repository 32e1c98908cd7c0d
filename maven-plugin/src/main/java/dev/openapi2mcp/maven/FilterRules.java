package dev.openapi2mcp.maven;

import dev.openapi2mcp.generator.ToolFilter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The filter rules of one {@code <api>} (issue 4), as Maven sets them from the POM; the goal's top-level rules are
 * mapped through the same class. See {@link ToolFilter} for what each rule keeps.
 *
 * <p>Invariant of the catalog rule (documented in {@code docs/maven-plugin.md}): an {@code <api>} that gives any
 * list rule uses its own lists instead of the top-level ones; {@code readOnly} holds when set at either level, so
 * that a per-API filter never loosens a read-only build.
 */
public class FilterRules {
  /** Keep operations with one of these tags. */
  List<String> includeTags;

  /** Drop operations with one of these tags. */
  List<String> excludeTags;

  /** Keep operations with one of these operationIds. */
  List<String> includeOperations;

  /** Drop operations with one of these operationIds. */
  List<String> excludeOperations;

  /** Keep operations whose path template matches one of these globs. */
  List<String> includePaths;

  /** Drop operations whose path template matches one of these globs. */
  List<String> excludePaths;

  /** Keep only operations with one of these HTTP methods (any case). */
  List<String> methods;

  /** Keep only safe operations (GET, HEAD, OPTIONS). */
  boolean readOnly;

  FilterRules() {}

  FilterRules(List<String> includeTags, List<String> excludeTags, List<String> includeOperations,
      List<String> excludeOperations, List<String> includePaths, List<String> excludePaths, List<String> methods,
      boolean readOnly) {
    this.includeTags = includeTags;
    this.excludeTags = excludeTags;
    this.includeOperations = includeOperations;
    this.excludeOperations = excludeOperations;
    this.includePaths = includePaths;
    this.excludePaths = excludePaths;
    this.methods = methods;
    this.readOnly = readOnly;
  }

  /** Whether any list rule is given (an empty list is as good as none). */
  boolean hasLists() {
    return given(includeTags) || given(excludeTags) || given(includeOperations) || given(excludeOperations)
        || given(includePaths) || given(excludePaths) || given(methods);
  }

  /** This API's filter: its own lists when it has any, else {@code top}'s; read-only when either is. */
  ToolFilter over(FilterRules top) {
    FilterRules lists = hasLists() ? this : top;
    return lists.toFilter(readOnly || top.readOnly);
  }

  /** These rules alone. */
  ToolFilter toFilter() {
    return toFilter(readOnly);
  }

  private ToolFilter toFilter(boolean safeOnly) {
    return new ToolFilter(set(includeTags), set(excludeTags), set(includeOperations), set(excludeOperations),
        list(includePaths), list(excludePaths), set(methods), safeOnly);
  }

  private static boolean given(List<String> values) {
    return values != null && !values.isEmpty();
  }

  private static Set<String> set(List<String> values) {
    return values == null ? Set.of() : new HashSet<>(list(values));
  }

  /** Blank entries (an empty {@code <tag/>}, a trailing comma in a property) are left out; others are trimmed. */
  private static List<String> list(List<String> values) {
    return values == null ? List.of()
        : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
  }
}
