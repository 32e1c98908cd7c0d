package dev.openapi2mcp.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SpecLocationTest {

  private final Path basedir = Path.of("project").toAbsolutePath();

  @Test
  void relativePathResolvesAgainstTheProjectDirectoryNotTheWorkingDirectory() {
    String resolved = SpecLocation.resolve("src/main/openapi/api.yaml", basedir);

    assertThat(Path.of(resolved)).isEqualTo(basedir.resolve("src/main/openapi/api.yaml"));
  }

  @Test
  void resolvedPathIsNormalized() {
    String resolved = SpecLocation.resolve("./specs/../api.json", basedir);

    assertThat(Path.of(resolved)).isEqualTo(basedir.resolve("api.json"));
  }

  @Test
  void absolutePathIsKept() {
    Path absolute = Path.of("elsewhere", "api.json").toAbsolutePath();

    assertThat(SpecLocation.resolve(absolute.toString(), basedir)).isEqualTo(absolute.toString());
  }

  @Test
  void urlsPassThroughUnchanged() {
    assertThat(SpecLocation.resolve("https://example.org/openapi.json", basedir))
        .isEqualTo("https://example.org/openapi.json");
    assertThat(SpecLocation.resolve("http://127.0.0.1:8080/v3/api-docs", basedir))
        .isEqualTo("http://127.0.0.1:8080/v3/api-docs");
    assertThat(SpecLocation.resolve("file:/specs/api.yaml", basedir)).isEqualTo("file:/specs/api.yaml");
  }

  @Test
  void surroundingWhitespaceFromXmlConfigurationIsIgnored() {
    assertThat(SpecLocation.resolve("  https://example.org/a.yaml\n", basedir))
        .isEqualTo("https://example.org/a.yaml");
    assertThat(Path.of(SpecLocation.resolve(" api.yaml ", basedir))).isEqualTo(basedir.resolve("api.yaml"));
  }
}
