package dev.openapi2mcp.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openapi2mcp.runtime.credentials.CredentialSources;
import dev.openapi2mcp.runtime.credentials.CredentialsFile;
import dev.openapi2mcp.runtime.tool.ParameterLocation;
import dev.openapi2mcp.runtime.tool.SecurityScheme;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials from system properties and a credentials file reach the API on the wire (issue 5). */
class CredentialSourcesExecutorTest {
  private static final ToolDefinition KEYED = ToolDefinition.builder("listPets").http("GET", "/pets")
      .security("api_key").build();
  private static final ToolDefinition BASIC = ToolDefinition.builder("listOwners").http("GET", "/owners")
      .security("basic").build();
  private static final ServerDefinition SERVER = ServerDefinition.builder("petstore")
      .securityScheme(SecurityScheme.apiKey("api_key", ParameterLocation.HEADER, "X-Api-Key"))
      .securityScheme(SecurityScheme.basic("basic"))
      .tool(KEYED).tool(BASIC).build();

  private final Harness harness = new Harness();
  @TempDir Path directory;

  @AfterEach
  void close() {
    harness.close();
  }

  private RecordedRequest send(CredentialSources sources, ToolDefinition tool) {
    harness.enqueue(200, "[]");
    RestToolExecutor executor = RestToolExecutor.create(SERVER, harness.baseUrl(), harness.options(),
        new UpstreamOptions(sources, null, List.of(), null, null));
    ToolResult result = executor.execute(tool, Harness.args("{}"), Harness.CONTEXT);
    executor.close();
    assertThat(result.isError()).as(Harness.text(result)).isFalse();
    return harness.take();
  }

  @Test
  void aYamlFileSuppliesKeysAndBasicCredentials() throws Exception {
    Path file = directory.resolve("credentials.yaml");
    Files.writeString(file, "api_key:\n  key: file-key-123\nbasic:\n  username: alice\n  password: file-pass\n");
    CredentialSources sources = CredentialSources.of(Map.of(), Map.of(), CredentialsFile.load(file));
    assertThat(send(sources, KEYED).getHeaders().get("X-Api-Key")).isEqualTo("file-key-123");
    assertThat(send(sources, BASIC).getHeaders().get("Authorization")).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString("alice:file-pass".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void systemPropertiesOverrideTheFileAndTheEnvironmentOverridesBoth() throws Exception {
    Path file = directory.resolve("credentials.properties");
    Files.writeString(file, "api_key.key=file-key-123\n");
    CredentialsFile loaded = CredentialsFile.load(file);
    Map<String, String> properties = Map.of("openapi2mcp.petstore.api_key.key", "property-key-456");
    assertThat(send(CredentialSources.of(Map.of(), properties, loaded), KEYED).getHeaders().get("X-Api-Key"))
        .isEqualTo("property-key-456");
    assertThat(send(CredentialSources.of(Map.of("PETSTORE_API_KEY", "env-key-789"), properties, loaded), KEYED)
        .getHeaders().get("X-Api-Key")).isEqualTo("env-key-789");
  }

  @Test
  void anUnsendableValueNamesItsSourceNotItsValue() {
    CredentialSources sources = CredentialSources.of(Map.of(),
        Map.of("openapi2mcp.petstore.api_key.key", "bad\nvalue-secret"), null);
    assertThatThrownBy(() -> RestToolExecutor.create(SERVER, harness.baseUrl(), harness.options(),
            new UpstreamOptions(sources, null, List.of(), null, null)))
        .hasMessageContaining("system property openapi2mcp.petstore.api_key.key")
        .hasMessageContaining("control character")
        .hasMessageNotContaining("value-secret");
  }

  @Test
  void valuesFromAFileAreScrubbedFromResults() throws Exception {
    Path file = directory.resolve("credentials.properties");
    Files.writeString(file, "api_key.key=file-key-123\n");
    harness.enqueue(200, "{\"echo\":\"file-key-123\"}");
    RestToolExecutor executor = RestToolExecutor.create(SERVER, harness.baseUrl(), harness.options(),
        new UpstreamOptions(CredentialSources.of(Map.of(), Map.of(), CredentialsFile.load(file)), null, List.of(),
            null, null));
    ToolResult result = executor.execute(KEYED, Harness.args("{}"), Harness.CONTEXT);
    executor.close();
    assertThat(Harness.text(result)).contains("***").doesNotContain("file-key-123");
  }
}
