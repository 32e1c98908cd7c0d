package dev.openapi2mcp.examples.catalog.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/** Where the packaged catalog server is, as the build passes it to the end-to-end tests. */
final class CatalogJar {
  private CatalogJar() {}

  /** The jar built by {@code package}; the failsafe configuration sets {@code catalog.jar}. */
  static Path jar() {
    String property = System.getProperty("catalog.jar");
    assertThat(property).as("system property catalog.jar (run these tests with ./mvnw verify)").isNotBlank();
    Path jar = Path.of(property);
    assertThat(jar).as("the packaged server").isRegularFile();
    return jar;
  }

  static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
