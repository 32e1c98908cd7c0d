package dev.openapi2mcp.generator.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.generator.GeneratorConfig;
import dev.openapi2mcp.generator.testing.GeneratedServer;
import dev.openapi2mcp.generator.testing.Specs;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ParameterLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3: what the real-world corpus broke, each on a small hand-made spec, one behaviour per test. The corpus run
 * ({@code -Pcorpus}) finds these; these tests keep them fixed in the default build.
 */
class RealWorldRegressionTest {
  @TempDir
  Path dir;

  private GeneratedServer generate(String serverName, String spec) throws Exception {
    Path file = dir.resolve(serverName + ".yaml");
    Files.writeString(file, spec, StandardCharsets.UTF_8);
    return GeneratedServer.of(new GeneratorConfig(file.toString(), dir.resolve("out"), Specs.PACKAGE, serverName));
  }

  /** Issue 3 (DigitalOcean): a parameter may be a $ref to another operation's parameter, not only to components. */
  @Test
  void aParameterReferringToAnotherOperationsParameterIsResolved() throws Exception {
    GeneratedServer server = generate("refs", """
        openapi: 3.0.3
        info: {title: Refs, version: "1"}
        servers: [{url: "https://refs.example.com"}]
        paths:
          /keys:
            get:
              operationId: listKeys
              parameters:
                - {name: per_page, in: query, schema: {type: integer, minimum: 1}}
                - {name: page, in: query, schema: {type: integer}}
              responses: {"200": {description: ok}}
          /actions:
            get:
              operationId: listActions
              parameters:
                - $ref: "#/paths/~1keys/get/parameters/0"
                - $ref: "#/paths/~1keys/get/parameters/1"
              responses: {"200": {description: ok}}
        """);

    assertThat(server.tool("listActions").http().parameters()).extracting(ParameterBinding::name,
        ParameterBinding::location).containsExactly(
            org.assertj.core.groups.Tuple.tuple("per_page", ParameterLocation.QUERY),
            org.assertj.core.groups.Tuple.tuple("page", ParameterLocation.QUERY));
    JsonNode perPage = server.schema("listActions").path("properties").path("per_page");
    assertThat(perPage.path("type").asText()).isEqualTo("integer");
    assertThat(perPage.path("minimum").asInt()).isEqualTo(1);
  }
}
