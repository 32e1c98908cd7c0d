package dev.openapi2mcp.generator;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which operations of an API become tools. An operation is kept when it matches every rule given: some include
 * rule (tag, operationId or path glob) when any is given, no exclude rule, one of {@code methods} when given, and a
 * safe method (GET, HEAD, OPTIONS) when {@code readOnly} is set.
 *
 * @param includeTags keep operations with one of these tags
 * @param excludeTags drop operations with one of these tags
 * @param includeOperations keep operations with one of these operationIds
 * @param excludeOperations drop operations with one of these operationIds
 * @param includePaths keep operations whose path matches one of these globs ({@code *} within a segment,
 *     {@code **} across segments)
 * @param excludePaths drop operations whose path matches one of these globs
 * @param methods keep only operations with one of these HTTP methods (upper case); empty keeps every method
 * @param readOnly keep only operations with a safe method
 */
public record ToolFilter(
    Set<String> includeTags,
    Set<String> excludeTags,
    Set<String> includeOperations,
    Set<String> excludeOperations,
    List<String> includePaths,
    List<String> excludePaths,
    Set<String> methods,
    boolean readOnly) {

  public static final ToolFilter ALL =
      new ToolFilter(Set.of(), Set.of(), Set.of(), Set.of(), List.of(), List.of(), Set.of(), false);

  public ToolFilter {
    includeTags = sorted(includeTags);
    excludeTags = sorted(excludeTags);
    includeOperations = sorted(includeOperations);
    excludeOperations = sorted(excludeOperations);
    includePaths = includePaths == null ? List.of() : List.copyOf(includePaths);
    excludePaths = excludePaths == null ? List.of() : List.copyOf(excludePaths);
    methods = sorted(methods);
  }

  private static Set<String> sorted(Set<String> values) {
    return values == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(values));
  }
}
