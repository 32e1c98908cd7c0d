package dev.openapi2mcp.examples.catalog.e2e;

import dev.openapi2mcp.examples.e2e.PackagedJar;
import java.nio.file.Path;

/** Where the packaged catalog server is, as the build passes it to the end-to-end tests. */
final class CatalogJar {
  private CatalogJar() {}

  /** The jar built by {@code package}; the failsafe configuration sets {@code catalog.jar}. */
  static Path jar() {
    return PackagedJar.fromProperty("catalog.jar");
  }
}
