package dev.openapi2mcp.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/** Where an example's packaged server jar is, as its failsafe configuration passes it to the end-to-end tests. */
public final class PackagedJar {

  private PackagedJar() {}

  /** The jar named by system property {@code property}; fails, saying how to run the tests, when it is not there. */
  public static Path fromProperty(String property) {
    String value = System.getProperty(property);
    assertThat(value).as("system property " + property + " (run these tests with ./mvnw verify)").isNotBlank();
    Path jar = Path.of(value);
    assertThat(jar).as("the packaged server").isRegularFile();
    return jar;
  }
}
