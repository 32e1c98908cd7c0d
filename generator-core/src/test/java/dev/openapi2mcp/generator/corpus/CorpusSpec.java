package dev.openapi2mcp.generator.corpus;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One real-world description of the corpus.
 *
 * @param id the name the report shows: a flagship's name ({@code github}) or a directory id
 *     ({@code adyen.com/DisputeService-v30})
 * @param file the description on disk
 * @param flagship whether it is one of the flagships, which must all pass
 */
record CorpusSpec(String id, Path file, boolean flagship) {
  CorpusSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(file, "file");
  }

  /** A server name derived from the id: lower case, every run of other characters one {@code -}. */
  String serverName() {
    String name = id.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return name.isEmpty() ? "spec" : name;
  }

  /** A directory name for the spec's work files, unique per id. */
  String directoryName() {
    return id.replaceAll("[^A-Za-z0-9._-]+", "_");
  }
}
