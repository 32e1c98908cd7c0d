package dev.openapi2mcp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.generator.testing.CompiledServer;
import dev.openapi2mcp.generator.testing.GeneratedServer;
import dev.openapi2mcp.generator.testing.SchemaChecks;
import dev.openapi2mcp.generator.testing.Specs;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Specs big enough to hit class-file limits if the emitter were naive. */
class ClassFileLimitsTest {
  @TempDir
  Path dir;

  private Path write(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private GeneratorConfig config(Path spec, String serverName) {
    return new GeneratorConfig(spec.toString(), dir.resolve("out"), Specs.PACKAGE, serverName);
  }

  @Test
  void aSchemaLargerThanAStringConstantStillCompilesAndArrivesWhole() throws Exception {
    StringBuilder properties = new StringBuilder();
    for (int i = 0; i < 900; i++) {
      properties.append(i == 0 ? "" : ",").append("\"field").append(i)
          .append("\":{\"type\":\"string\",\"description\":\"Ünïcode-laden description number ").append(i)
          .append(" that makes the schema long enough: ✓✓✓\"}");
    }
    Path spec = write("big.json", "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Big\",\"version\":\"1\"},"
        + "\"servers\":[{\"url\":\"https://big.example.com\"}],\"paths\":{\"/big\":{\"post\":{\"operationId\":"
        + "\"postBig\",\"requestBody\":{\"content\":{\"application/json\":{\"schema\":{\"type\":\"object\","
        + "\"properties\":{" + properties + "}}}}},\"responses\":{\"200\":{\"description\":\"ok\"}}}}}}");

    GeneratedServer server = GeneratedServer.of(config(spec, "big"));

    String schema = server.tool("postBig").inputSchema();
    assertThat(schema.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(65_535);
    JsonNode parsed = SchemaChecks.assertValidInputSchema(schema);
    assertThat(parsed.path("properties").size()).isEqualTo(900);
    assertThat(parsed.path("properties").path("field899").path("description").asText())
        .isEqualTo("Ünïcode-laden description number 899 that makes the schema long enough: ✓✓✓");
    String source = Files.readString(dir.resolve("out/com/example/gen/BigTools.java"));
    assertThat(source).contains(".inputSchema(String.join(\"\",");
    // Non-ASCII text travels as Unicode escapes, so any source encoding compiles it the same.
    assertThat(source.chars()).allMatch(c -> c < 0x80);
    assertThat(source).contains("\\u00dcn\\u00efcode");
  }

  @Test
  void manyToolsAreSpreadOverSeveralClassesInSpecOrder() throws Exception {
    StringBuilder paths = new StringBuilder();
    for (int i = 0; i < 450; i++) {
      paths.append(i == 0 ? "" : ",").append("\"/r").append(i).append("/{id}\":{\"get\":{\"operationId\":\"op")
          .append(i).append("\",\"parameters\":[{\"name\":\"id\",\"in\":\"path\",\"required\":true,"
              + "\"schema\":{\"type\":\"string\"}}],\"responses\":{\"200\":{\"description\":\"ok\"}}}}");
    }
    Path spec = write("many.json", "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Many\",\"version\":\"1\"},"
        + "\"servers\":[{\"url\":\"https://many.example.com\"}],\"paths\":{" + paths + "}}");

    GeneratedServer server = GeneratedServer.of(config(spec, "many"));

    assertThat(server.result().written()).containsExactly(Path.of("com/example/gen/ManyServer.java"),
        Path.of("com/example/gen/ManyTools.java"), Path.of("com/example/gen/ManyTools2.java"),
        Path.of("com/example/gen/ManyTools3.java"));
    List<String> expected = new ArrayList<>();
    IntStream.range(0, 450).forEach(i -> expected.add("op" + i));
    assertThat(server.definition().tools()).extracting(ToolDefinition::name).isEqualTo(expected);
    assertThat(countTools(server, "ManyTools")).isEqualTo(200);
    assertThat(countTools(server, "ManyTools2")).isEqualTo(200);
    assertThat(countTools(server, "ManyTools3")).isEqualTo(50);
  }

  @SuppressWarnings("unchecked")
  private static int countTools(GeneratedServer server, String simpleName) throws Exception {
    Class<?> type = CompiledServer.loader(server.compilation())
        .loadClass(Specs.PACKAGE + "." + simpleName);
    return ((List<ToolDefinition>) type.getMethod("all").invoke(null)).size();
  }
}
