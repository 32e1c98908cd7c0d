package dev.openapi2mcp.generator.customize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.generator.diagnostics.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the overrides file, YAML or JSON (issue 4, item 2). */
class OverridesReaderTest {
  @TempDir
  Path dir;

  private final Diagnostics diagnostics = new Diagnostics("spec.yaml");

  private Overrides read(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return OverridesReader.read(file, diagnostics);
  }

  @Test
  void jsonIsReadLikeYamlWithEachValueAndWhereItIsWritten() throws IOException {
    Overrides overrides = read("overrides.json", """
        {"operations": {"getPetById": {"name": "get_pet", "enabled": false,
          "annotations": {"readOnlyHint": true},
          "parameters": {"orgId": {"value": {"id": 7}}, "limit": {"default": 20}}}}}
        """);

    ToolSettings settings = overrides.operations().get("getPetById");
    String file = dir.resolve("overrides.json").toString();
    assertThat(diagnostics.all()).isEmpty();
    assertThat(settings.name()).isEqualTo(new Setting<>("get_pet",
        Origin.overrides(file, "/operations/getPetById/name")));
    assertThat(settings.isEnabled()).isFalse();
    assertThat(settings.hint("readOnlyHint", false)).isTrue();
    assertThat(settings.hint("openWorldHint", true)).isTrue();
    assertThat(settings.arguments()).containsOnlyKeys("orgId", "limit");
    assertThat(settings.arguments().get("orgId").value().value().toString()).isEqualTo("{\"id\":7}");
    assertThat(settings.arguments().get("limit").defaultValue().origin().pointer())
        .isEqualTo("/operations/getPetById/parameters/limit/default");
  }

  @Test
  void anEmptyFileOverridesNothing() throws IOException {
    Overrides overrides = read("empty.yaml", "# nothing yet\n");

    assertThat(overrides.operations()).isEmpty();
    assertThat(overrides.apis()).isEmpty();
    assertThat(diagnostics.all()).isEmpty();
  }

  @Test
  void apiSectionsAreReadPerNamespace() throws IOException {
    Overrides overrides = read("catalog.yaml", """
        apis:
          inventory:
            operations:
              listItems: {title: Items}
        """);

    assertThat(overrides.apis()).containsOnlyKeys("inventory");
    assertThat(overrides.apis().get("inventory").operations().get("listItems").title().origin().pointer())
        .isEqualTo("/apis/inventory/operations/listItems/title");
  }

  @Test
  void noFileMeansNoOverrides() {
    assertThat(OverridesReader.read(null, diagnostics)).isSameAs(Overrides.NONE);
  }
}
