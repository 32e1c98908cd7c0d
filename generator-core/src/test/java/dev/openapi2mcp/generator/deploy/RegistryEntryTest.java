package dev.openapi2mcp.generator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.openapi2mcp.generator.Generator;
import dev.openapi2mcp.generator.model.ParameterIn;
import dev.openapi2mcp.generator.model.SecuritySchemeModel;
import dev.openapi2mcp.generator.output.GeneratedFile;
import dev.openapi2mcp.generator.testing.Specs;
import dev.openapi2mcp.generator.tool.ServerModel;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated {@code server.json} is a valid MCP Registry entry, checked against the official schema of
 * 2025-12-11 vendored in the test resources (MIT licence beside it): for the petstore, and for a server whose title,
 * version and package are hostile (long, non-ASCII, quotes, line separators, bidirectional controls), which still
 * give a valid entry with the text as JSON strings.
 */
class RegistryEntryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Schema SCHEMA = loadSchema();

  @TempDir
  Path temp;

  private static Schema loadSchema() {
    try (InputStream in = RegistryEntryTest.class.getResourceAsStream("/mcp-registry/server.schema.json")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(text, InputFormat.JSON);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Error> errors(String json) {
    return SCHEMA.validate(json, InputFormat.JSON);
  }

  @Test
  void petstoreGetsAValidEntryWithTheImageAndTheStreamableHttpRemote() throws Exception {
    Path deploy = temp.resolve("deploy");
    Generator.run(Specs.config("petstore.json", temp.resolve("src"), "petstore").withDeploymentDirectory(deploy));
    String text = Files.readString(deploy.resolve("server.json"));
    assertThat(errors(text)).isEmpty();

    JsonNode entry = JSON.readTree(text);
    assertThat(entry.get("$schema").asText())
        .isEqualTo("https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json");
    assertThat(entry.get("name").asText()).endsWith("/petstore");
    assertThat(entry.get("version").asText()).isEqualTo("1.0.0");
    JsonNode image = entry.at("/packages/0");
    assertThat(entry.get("packages")).hasSize(1);
    assertThat(image.get("registryType").asText()).isEqualTo("oci");
    String deployed = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
        .readTree(Files.readString(deploy.resolve("kubernetes/deployment.yaml")))
        .at("/spec/template/spec/containers/0/image").asText();
    assertThat(image.get("identifier").asText()).isEqualTo(deployed).isEqualTo("petstore-mcp-server:1.0.0");
    assertThat(image.at("/transport/type").asText()).isEqualTo("streamable-http");
    assertThat(image.get("environmentVariables")).isNotEmpty()
        .allSatisfy(variable -> assertThat(variable.get("isSecret").asBoolean()).isTrue());
    assertThat(entry.get("remotes")).hasSize(1);
    assertThat(entry.at("/remotes/0/type").asText()).isEqualTo("streamable-http");
    assertThat(entry.at("/remotes/0/url").asText()).isEqualTo("https://{host}/mcp");
    assertThat(entry.at("/remotes/0/variables/host/isRequired").asBoolean()).isTrue();
  }

  @Test
  void hostileSpecTextStillGivesAValidEntry() throws Exception {
    String title = "Evil \"quoted\" \\ title\u2028second line\u202e reversed \uD83D\uDE00 " + "\u00e9".repeat(200);
    ServerModel server = new ServerModel("evil", "com.example_corp.\u00fcber", "9".repeat(300) + "\n\"x\"", title,
        "https://api.example.com", List.of(new SecuritySchemeModel("k", SecuritySchemeModel.Kind.API_KEY,
            ParameterIn.HEADER, "X")), List.of());
    GeneratedFile file = RegistryEntry.render(server);
    String text = new String(file.content(), StandardCharsets.UTF_8);
    assertThat(errors(text)).isEmpty();
    JsonNode entry = JSON.readTree(text);
    assertThat(entry.get("name").asText()).isEqualTo("com.example-corp.-ber/evil");
    String description = entry.get("description").asText();
    assertThat(description.codePointCount(0, description.length())).isEqualTo(100);
    assertThat(description).startsWith("MCP server for Evil \"quoted\" \\ title second line reversed \uD83D\uDE00")
        .doesNotContain("\u2028", "\u202e");
    assertThat(entry.get("title").asText()).startsWith("Evil \"quoted\"");
  }

  @Test
  void theVendoredSchemaRejectsWhatTheRegistryWould() throws Exception {
    ServerModel server = new ServerModel("plain", "a.b", "1", null, null, List.of(), List.of());
    ObjectNode entry = (ObjectNode) JSON.readTree(RegistryEntry.render(server).content());
    assertThat(errors(entry.toString())).isEmpty();
    assertThat(entry.has("packages") && !entry.at("/packages/0").has("environmentVariables")).isTrue();
    assertThat(errors(entry.deepCopy().put("description", "x".repeat(101)).toString())).isNotEmpty();
    assertThat(errors(entry.deepCopy().put("name", "no-slash").toString())).isNotEmpty();
    ObjectNode noTransport = entry.deepCopy();
    ((ObjectNode) noTransport.at("/packages/0")).remove("transport");
    assertThat(errors(noTransport.toString())).isNotEmpty();
  }
}
