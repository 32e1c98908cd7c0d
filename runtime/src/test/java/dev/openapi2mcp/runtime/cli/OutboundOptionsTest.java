package dev.openapi2mcp.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openapi2mcp.runtime.credentials.CredentialField;
import dev.openapi2mcp.runtime.http.UpstreamOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upstream-authentication options of the command line (issue 5). */
class OutboundOptionsTest {
  @TempDir Path directory;

  @Test
  void forwardHeadersAccumulateAndNeedHttp() throws Exception {
    CommandLine line = CommandLine.parse("--transport", "http", "--forward-header", "X-Request-Id",
        "--forward-header=Authorization", "--forward-header", "x-request-id");
    assertThat(line.upstream().forwardHeaders()).containsExactly("X-Request-Id", "Authorization");
    assertThatThrownBy(() -> CommandLine.parse("--forward-header", "X-Request-Id"))
        .isInstanceOf(UsageException.class).hasMessageContaining("--transport http");
    assertThatThrownBy(() -> CommandLine.parse("--transport", "http", "--forward-header", "Host"))
        .hasMessageContaining("'Host'").hasMessageContaining("cannot be forwarded");
    assertThatThrownBy(() -> CommandLine.parse("--transport", "http", "--forward-header", "Mcp-Session-Id"))
        .hasMessageContaining("cannot be forwarded");
    assertThatThrownBy(() -> CommandLine.parse("--transport", "http", "--forward-header", "Bad Header"))
        .hasMessageContaining("header name");
  }

  @Test
  void tokenExchangeNeedsHttpAndAnUrl() throws Exception {
    CommandLine line = CommandLine.parse("--transport", "http", "--token-exchange-url", "https://sts.example.com/token",
        "--token-exchange-audience", "petstore");
    assertThat(line.upstream().tokenExchangeUrl()).hasToString("https://sts.example.com/token");
    assertThat(line.upstream().tokenExchangeAudience()).isEqualTo("petstore");
    assertThatThrownBy(() -> CommandLine.parse("--token-exchange-url", "https://sts.example.com/token"))
        .hasMessageContaining("--transport http");
    assertThatThrownBy(() -> CommandLine.parse("--transport", "http", "--token-exchange-audience", "x"))
        .hasMessageContaining("needs --token-exchange-url");
    assertThatThrownBy(() -> CommandLine.parse("--transport", "http", "--token-exchange-url", "sts"))
        .hasMessageContaining("absolute http or https URL");
  }

  @Test
  void tlsOptionsTakeFilesAndVariableNames() throws Exception {
    Path cert = Files.writeString(directory.resolve("client.p12"), "x");
    assertThatThrownBy(() -> CommandLine.parse("--upstream-client-cert", directory.resolve("missing").toString()))
        .hasMessageContaining("--upstream-client-cert must be a readable file");
    assertThatThrownBy(() -> CommandLine.parse("--upstream-client-cert", cert.toString(),
        "--upstream-client-cert-password-env", "pa$$word"))
        .hasMessageContaining("name of an environment variable");
    assertThatThrownBy(() -> CommandLine.parse("--upstream-client-key", cert.toString()))
        .hasMessageContaining("needs --upstream-client-cert");
    assertThatThrownBy(() -> CommandLine.parse("--upstream-ca-password-env", "CA_PASSWORD"))
        .hasMessageContaining("needs --upstream-ca");
    CommandLine line = CommandLine.parse("--upstream-client-cert", cert.toString(),
        "--upstream-client-cert-password-env", "CLIENT_P12_PASSWORD");
    assertThatThrownBy(() -> line.upstream().resolve(Map.of(), Map.of(), warning -> { }))
        .hasMessageContaining("CLIENT_P12_PASSWORD is not set");
  }

  @Test
  void resolvingReadsTheCredentialsFileAfterEnvironmentAndPropertiesAndReportsItsWarnings() throws Exception {
    Path file = directory.resolve("credentials.yaml");
    Files.writeString(file, "api_key:\n  key: from-file\njwt:\n  token: file-token\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
    CommandLine line = CommandLine.parse("--credentials-file", file.toString());
    List<String> warnings = new ArrayList<>();
    UpstreamOptions options = line.upstream().resolve(Map.of("PETSTORE_API_KEY", "from-env"),
        Map.of("openapi2mcp.petstore.jwt.token", "property-token"), warnings::add);
    assertThat(options.credentials().find(List.of("petstore", "api_key"), CredentialField.KEY).orElseThrow()
        .value()).isEqualTo("from-env");
    assertThat(options.credentials().find(List.of("petstore", "jwt"), CredentialField.TOKEN).orElseThrow()
        .value()).isEqualTo("property-token");
    assertThat(warnings).filteredOn(warning -> warning.contains(file.toString())).singleElement().asString()
        .contains("chmod 600");
  }

  /**
   * Issue 11: a secret set with {@code -D} is on the command line, which {@code ps} shows to every user: the server
   * still uses it but warns, naming the property and never its value; non-secret fields are not warned about.
   */
  @Test
  void aSecretInASystemPropertyIsUsedWithAWarningNamingOnlyTheProperty() throws Exception {
    List<String> warnings = new ArrayList<>();
    UpstreamOptions options = CommandLine.parse().upstream().resolve(Map.of(), Map.of(
        "openapi2mcp.petstore.jwt.token", "property-SECRET-token",
        "openapi2mcp.petstore.machine.clientSecret", "property-SECRET-client",
        "openapi2mcp.petstore.machine.clientId", "my-client",
        "openapi2mcp.petstore.basic.username", "alice"), warnings::add);

    assertThat(options.credentials().find(List.of("petstore", "jwt"), CredentialField.TOKEN).orElseThrow()
        .value()).isEqualTo("property-SECRET-token");
    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(0)).contains("openapi2mcp.petstore.jwt.token").contains("ps")
        .contains("environment").contains("--credentials-file");
    assertThat(warnings.get(1)).contains("openapi2mcp.petstore.machine.clientSecret");
    assertThat(String.join("\n", warnings)).doesNotContain("SECRET", "clientId", "username");
  }

  @Test
  void helpListsTheOptionNamesOnly() {
    String help = Usage.text(dev.openapi2mcp.runtime.testing.SampleServer.definition(), List.of(), List.of());
    for (String name : OutboundOptions.NAMES) {
      assertThat(help).contains("  " + name);
    }
    assertThat(help).contains("openapi2mcp.<server>.<scheme>.<field>");
  }
}
