package dev.openapi2mcp.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3 ("Real-world specs", inputs): the forms a spec arrives in (OpenAPI 3.1 JSON, 3.0 YAML, Swagger 2.0, several
 * files, a URL), server variables and URL overrides, and remote references, which are fetched only when allowed.
 */
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
  @Test
  void serverVariablesTakeTheirDefaults() throws Exception {
    GeneratedServer server = GeneratedServer.of("servers.yaml", out, "servers");

    assertThat(server.definition().baseUrl()).isEqualTo("https://eu.example.com:443/v2");
  }

  @Test
  void configuredServerVariablesOverrideTheDefaults() throws Exception {
    GeneratedServer server = GeneratedServer.of(Specs.config("servers.yaml", out, "servers")
        .withServerVariables(Map.of("region", "us", "basePath", "v3")));

    assertThat(server.definition().baseUrl()).isEqualTo("https://us.example.com:443/v3");
    assertThat(server.result().warnings()).isEmpty();
  }

  @Test
  void aServerVariableOutsideItsEnumIsUsedWithAWarning() throws Exception {
    GeneratedServer server = GeneratedServer.of(Specs.config("servers.yaml", out, "servers")
        .withServerVariables(Map.of("region", "ap")));

    assertThat(server.definition().baseUrl()).isEqualTo("https://ap.example.com:443/v2");
    assertThat(server.result().warnings()).singleElement().satisfies(w -> {
      assertThat(w.message()).isEqualTo(
          "server variable region is set to 'ap', which is not among the values the spec allows [eu, us]");
      assertThat(w.pointer()).isEqualTo("/servers/0/variables/region");
    });
  }

  @Test
  void anUnknownServerVariableFailsNamingTheDeclaredOnes() {
    GeneratorConfig config = Specs.config("servers.yaml", out, "servers")
        .withServerVariables(Map.of("regoin", "us"));

    assertThatThrownBy(() -> Generator.run(config)).isInstanceOfSatisfying(GenerationException.class,
        e -> assertThat(e.diagnostics()).filteredOn(d -> d.severity() == Diagnostic.Severity.ERROR)
            .extracting(Diagnostic::message).containsExactly("server variable regoin is configured but the spec's "
                + "first server declares only [basePath, port, region]"));
  }

  @Test
  void aConfiguredServerUrlReplacesTheSpecsServers() throws Exception {
    GeneratedServer server = GeneratedServer.of(Specs.config("servers.yaml", out, "servers")
        .withServerUrl("http://127.0.0.1:8080/api"));

    assertThat(server.definition().baseUrl()).isEqualTo("http://127.0.0.1:8080/api");
    assertThat(server.result().warnings()).isEmpty();
  }

  @Test
  void aServerUrlThatIsNotAnAbsoluteHttpUrlFails() {
    GeneratorConfig config = Specs.config("servers.yaml", out, "servers").withServerUrl("/api/v1");

    assertThatThrownBy(() -> Generator.run(config)).isInstanceOfSatisfying(GenerationException.class,
        e -> assertThat(e.diagnostics()).extracting(Diagnostic::message)
            .contains("serverUrl '/api/v1' is not an absolute http or https URL"));
  }

  @Test
  void referencesRelativeToAReferencedFileResolveAgainstThatFile() throws Exception {
    GeneratedServer server = GeneratedServer.of("multi/nested.yaml", out, "nested");

    assertThat(server.toolNames()).containsExactly("createOwner");
    assertThat(server.property("createOwner", "pets")).isEqualTo("{\"type\":\"array\",\"items\":{\"type\":"
        + "\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"age\":{\"type\":\"integer\","
        + "\"minimum\":0}},\"required\":[\"name\"]}}");
  }

  @Test
  void swagger20FormDataWithAFileBecomesAMultipartBody() throws Exception {
    GeneratedServer server = GeneratedServer.of("swagger2-formdata.json", out, "legacy");

    assertThat(server.tool("uploadPhoto").http().body()).isEqualTo(
        RequestBody.multipart(true, List.of("photo"), "caption", "caption", "photo", "photo"));
    assertThat(server.schema("uploadPhoto").path("required").toString()).isEqualTo("[\"petId\",\"photo\"]");
  }

  @Test
  void aRemoteReferenceFailsTheRunNamingItsFileAndPointer(@TempDir Path specs) throws Exception {
    Path main = copyRemoteRefSpecs(specs, "http://127.0.0.1:9/schemas");

    GeneratorConfig config = new GeneratorConfig(main.toString(), out, Specs.PACKAGE, "remote");

    assertThatThrownBy(() -> Generator.run(config)).isInstanceOfSatisfying(GenerationException.class,
        e -> assertThat(e.diagnostics()).extracting(d -> d.file() + "#" + d.pointer() + ": " + d.message())
            .containsExactly(
                main + "#/paths/~1pets/post/requestBody/content/application~1json/schema/$ref: remote $ref "
                    + "http://127.0.0.1:9/schemas/pet.yaml#/Pet is not fetched: remote references are off; "
                    + "allow them (allowRemoteRefs) or copy the document beside the spec",
                specs.resolve("shared/owner.yaml") + "#/Owner/properties/pet/$ref: remote $ref "
                    + "http://127.0.0.1:9/schemas/pet.yaml#/Pet is not fetched: remote references are off; "
                    + "allow them (allowRemoteRefs) or copy the document beside the spec"));
  }

  @Test
  void aRemoteReferenceIsNotFetchedUnlessAllowed(@TempDir Path specs) throws Exception {
    List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
    HttpServer http = serve("/schemas/pet.yaml", REMOTE_PET, requests);
    try {
      Path main = copyRemoteRefSpecs(specs, "http://127.0.0.1:" + http.getAddress().getPort() + "/schemas");

      assertThatThrownBy(() -> Generator.run(new GeneratorConfig(main.toString(), out, Specs.PACKAGE, "remote")))
          .isInstanceOf(GenerationException.class);
      assertThat(requests).isEmpty();
    } finally {
      http.stop(0);
    }
  }

  @Test
  void aRemoteReferenceIsFetchedWhenAllowed(@TempDir Path specs) throws Exception {
    List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
    HttpServer http = serve("/schemas/pet.yaml", REMOTE_PET, requests);
    try {
      Path main = copyRemoteRefSpecs(specs, "http://127.0.0.1:" + http.getAddress().getPort() + "/schemas");
      GeneratedServer server = GeneratedServer.of(new GeneratorConfig(main.toString(), out, Specs.PACKAGE, "remote")
          .withAllowRemoteRefs(true));

      assertThat(server.property("createPet", "species")).isEqualTo("{\"type\":\"string\",\"enum\":[\"cat\","
          + "\"dog\"]}");
      assertThat(server.property("createOwner", "pet")).contains("\"species\"");
      assertThat(requests).isNotEmpty().allSatisfy(path -> assertThat(path).isEqualTo("/schemas/pet.yaml"));
    } finally {
      http.stop(0);
    }
  }

  private static final String REMOTE_PET = "Pet:\n  type: object\n  properties:\n    species:\n      type: string\n"
      + "      enum: [cat, dog]\n";

  /** Copies specs/remote-refs to {@code dir} with REMOTE replaced by {@code base}; returns the main file. */
  private static Path copyRemoteRefSpecs(Path dir, String base) throws IOException {
    Path source = Specs.path("remote-refs/main.yaml").getParent();
    for (String file : List.of("main.yaml", "shared/owner.yaml")) {
      Path target = dir.resolve(file);
      Files.createDirectories(target.getParent());
      Files.writeString(target, Files.readString(source.resolve(file)).replace("REMOTE", base));
    }
    return dir.resolve("main.yaml");
  }

  private static HttpServer serve(String path, String body, List<String> requests) throws IOException {
    byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/", exchange -> {
      requests.add(exchange.getRequestURI().getPath());
      if (!exchange.getRequestURI().getPath().equals(path)) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      exchange.getResponseHeaders().add("Content-Type", "application/yaml");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream response = exchange.getResponseBody()) {
        response.write(bytes);
      }
    });
    http.start();
    return http;
  }
}
