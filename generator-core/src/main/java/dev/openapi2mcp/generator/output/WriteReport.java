package dev.openapi2mcp.generator.output;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link OutputWriter#write} did, with paths relative to the output directory, each list sorted.
 *
 * @param written files created or rewritten because their bytes changed
 * @param unchanged files already holding exactly these bytes, left untouched
 * @param deleted stale {@code .java} files removed
 */
public record WriteReport(List<Path> written, List<Path> unchanged, List<Path> deleted) {
  public WriteReport {
    written = List.copyOf(written);
    unchanged = List.copyOf(unchanged);
    deleted = List.copyOf(deleted);
  }
}
