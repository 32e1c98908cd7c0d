package dev.openapi2mcp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.openapi2mcp.generator.testing.GeneratedServer;
import dev.openapi2mcp.generator.testing.Specs;
import dev.openapi2mcp.runtime.tool.RequestBody;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forms a spec arrives in: OpenAPI 3.1 JSON, 3.0 YAML, Swagger 2.0, several files, a URL. */
class SpecInputTest {
  @TempDir
  Path out;

  @Test
  void openApi31Json() throws Exception {
    GeneratedServer server = GeneratedServer.of("openapi31.json", out, "things");

    assertThat(server.toolNames()).containsExactly("patchThing");
    assertThat(server.definition().version()).isEqualTo("3.1.0");
    // 3.1 schemas are JSON Schema already: type unions, numeric bounds and examples pass through.
    assertThat(server.property("patchThing", "size"))
        .isEqualTo("{\"type\":[\"integer\",\"null\"],\"examples\":[3],\"exclusiveMinimum\":0}");
    assertThat(server.property("patchThing", "thingId")).isEqualTo("{\"type\":\"string\",\"const\":\"t1\"}");
    // A +json media type counts as JSON, so its object body is flattened.
    assertThat(server.tool("patchThing").http().body()).isEqualTo(RequestBody.flattened(
        "application/merge-patch+json", false, "size", "size", "parent", "parent", "labels", "labels"));
    assertThat(server.result().warnings()).extracting(Diagnostic::message)
        .containsExactly("webhooks are not turned into tools (1 ignored)");
  }

  @Test
  void openApi30Yaml() throws Exception {
    GeneratedServer server = GeneratedServer.of("schemas30.yaml", out, "schemas");

    assertThat(server.toolNames()).containsExactly("nullable", "bounds", "examples", "putTree");
    assertThat(server.definition().title()).isEqualTo("Schema conversion (3.0, YAML)");
    // Server variables take their defaults.
    assertThat(server.definition().baseUrl()).isEqualTo("https://eu.example.com/v1");
  }

  @Test
  void swagger20IsConvertedByTheSameParser() throws Exception {
    GeneratedServer server = GeneratedServer.of("swagger2.yaml", out, "legacy");

    assertThat(server.definition().baseUrl()).isEqualTo("https://legacy.example.com/v2");
    assertThat(server.tool("createOrder").http().body())
        .isEqualTo(RequestBody.flattened("application/json", true, "item", "item", "quantity", "quantity"));
    assertThat(server.schema("createOrder").path("required").toString()).isEqualTo("[\"item\"]");
  }

  @Test
  void aSwagger20HostWithoutSchemesIsAssumedHttps() throws Exception {
    GeneratedServer server = GeneratedServer.of("scheme-relative.yaml", out, "ping");

    assertThat(server.definition().baseUrl()).isEqualTo("https://api.example.com/v1");
    assertThat(server.result().warnings()).extracting(Diagnostic::message)
        .containsExactly("server URL //api.example.com/v1 has no scheme; assuming https");
  }

  @Test
  void referencesIntoAnotherFileAreFollowed() throws Exception {
    GeneratedServer server = GeneratedServer.of("multi/main.yaml", out, "multi");

    assertThat(server.property("createPet", "age")).isEqualTo("{\"type\":\"integer\",\"minimum\":0}");
    assertThat(server.schema("createPet").path("required").toString()).isEqualTo("[\"name\"]");
  }

  @Test
  void aUrlIsFetchedAndARelativeServerUrlResolvesAgainstIt() throws Exception {
    byte[] spec = Files.readAllBytes(Specs.path("security.yaml"));
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/specs/security.yaml", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/yaml");
      exchange.sendResponseHeaders(200, spec.length);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(spec);
      }
    });
    http.start();
    try {
      String base = "http://127.0.0.1:" + http.getAddress().getPort();
      GeneratedServer server = GeneratedServer.of(
          new GeneratorConfig(base + "/specs/security.yaml", out, Specs.PACKAGE, "remote"));

      assertThat(server.toolNames()).containsExactly("usesGlobal", "optionalAuth", "publicOp", "basicOrOidc");
      assertThat(server.definition().baseUrl()).isEqualTo(base + "/api");
      assertThat(server.result().warnings()).allSatisfy(d -> assertThat(d.file()).isEqualTo(base
          + "/specs/security.yaml"));
    } finally {
      http.stop(0);
    }
  }

  @Test
  void aSpecWithoutOperationsGivesAServerWithoutToolsAndAWarning() throws GenerationException {
    GeneratedServer server = GeneratedServer.of("no-operations.yaml", out, "empty");

    assertThat(server.definition().tools()).isEmpty();
    assertThat(server.result().toolCount()).isZero();
    assertThat(server.result().warnings()).extracting(Diagnostic::message)
        .containsExactly("the spec has no operations: the server has no tools");
  }

  @Test
  void aFileUrlWorksLikeAPath() throws IOException, GenerationException {
    GeneratedServer server = GeneratedServer.of(new GeneratorConfig(Specs.path("methods.yaml").toUri().toString(),
        out, Specs.PACKAGE, "methods"));

    assertThat(server.toolNames()).hasSize(8);
  }
}
