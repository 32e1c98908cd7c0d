package dev.openapi2mcp.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 4: the overrides file at its conventional place is optional; a configured one is used as given. */
class ConfigMapperTest {

  @Test
  void withoutAConfiguredFileTheConventionalOneIsUsedOnlyWhenItExists(@TempDir Path basedir) throws Exception {
    assertThat(ConfigMapper.overridesFile(null, basedir)).isNull();

    Path conventional = basedir.resolve("src/main/openapi2mcp/overrides.yaml");
    Files.createDirectories(conventional.getParent());
    Files.writeString(conventional, "operations: {}\n");

    assertThat(ConfigMapper.overridesFile(null, basedir)).isEqualTo(conventional);
  }

  @Test
  void aConfiguredFileIsPassedOnEvenWhenMissingSoThatTheGeneratorFailsNamingIt(@TempDir Path basedir)
      throws Exception {
    Path conventional = basedir.resolve(ConfigMapper.CONVENTIONAL_OVERRIDES);
    Files.createDirectories(conventional.getParent());
    Files.writeString(conventional, "operations: {}\n");
    File missing = basedir.resolve("other/overrides.yaml").toFile();

    assertThat(ConfigMapper.overridesFile(missing, basedir)).isEqualTo(missing.toPath());
  }
}
