package dev.openapi2mcp.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbound-security options of the server command line (issue 5). */
class InboundOptionsTest {

  private static String error(String... args) {
    UsageException e = catchThrowableOfType(UsageException.class, () -> CommandLine.parse(args));
    assertThat(e).as(String.join(" ", args)).isNotNull();
    return e.getMessage();
  }

  @Test
  void withoutTheOptionsThereIsNoInboundSecurity() throws Exception {
    assertThat(CommandLine.parse("--transport", "http").inbound()).isEqualTo(InboundOptions.NONE);
    assertThat(InboundOptions.NONE.any()).isFalse();
  }

  @Test
  void oauthOptionsAreParsedWithScopesSplitOnCommasOrSpaces() throws Exception {
    CommandLine line = CommandLine.parse("--transport", "http", "--oauth-issuer", "https://login.example.com/t1",
        "--oauth-jwks-url=https://login.example.com/t1/keys", "--oauth-audience", "https://mcp.example.com/mcp",
        "--oauth-scopes", "mcp:tools, mcp:read mcp:tools");

    assertThat(line.inbound()).isEqualTo(new InboundOptions(null, null, null, null, null,
        URI.create("https://login.example.com/t1"), URI.create("https://login.example.com/t1/keys"),
        URI.create("https://mcp.example.com/mcp"), List.of("mcp:tools", "mcp:read")));
  }

  @Test
  void tokenAndTlsOptionsNameVariablesAndFiles(@TempDir Path temp) throws Exception {
    Path tokens = Files.writeString(temp.resolve("tokens"), "abcdefghijklmnopq\n");
    Path keystore = Files.writeString(temp.resolve("server.p12"), "");

    CommandLine line = CommandLine.parse("--transport", "http", "--auth-tokens-file", tokens.toString(),
        "--auth-header", "X-API-Key", "--tls-keystore", keystore.toString(), "--tls-keystore-password-env", "KS");

    assertThat(line.inbound()).isEqualTo(new InboundOptions(keystore.toAbsolutePath(), "KS", null,
        tokens.toAbsolutePath(), "X-API-Key", null, null, null, List.of()));
  }

  @Test
  void mistakesNameTheOption(@TempDir Path temp) throws Exception {
    Path file = Files.writeString(temp.resolve("f"), "");
    assertThat(error("--transport", "http", "--auth-tokens-env", "tok-abc=1"))
        .isEqualTo("--auth-tokens-env takes the name of an environment variable (such as MCP_TOKENS), not its value");
    assertThat(error("--transport", "http", "--tls-keystore", temp.resolve("missing.p12").toString()))
        .startsWith("--tls-keystore must be a readable file");
    assertThat(error("--transport", "http", "--tls-keystore", file.toString()))
        .isEqualTo("--tls-keystore and --tls-keystore-password-env go together");
    assertThat(error("--transport", "http", "--auth-tokens-env", "A", "--auth-tokens-file", file.toString()))
        .isEqualTo("give either --auth-tokens-env or --auth-tokens-file, not both");
    assertThat(error("--transport", "http", "--auth-header", "X-Key"))
        .isEqualTo("--auth-header needs --auth-tokens-env or --auth-tokens-file");
    assertThat(error("--transport", "http", "--auth-tokens-env", "A", "--auth-header", "Authorization"))
        .startsWith("--auth-header must be a header name");
    assertThat(error("--transport", "http", "--auth-tokens-env", "A", "--oauth-issuer", "https://l.example.com",
        "--oauth-jwks-url", "https://l.example.com/k"))
        .isEqualTo("static tokens (--auth-tokens-*) and OAuth (--oauth-*) exclude each other");
    assertThat(error("--transport", "http", "--oauth-issuer", "https://l.example.com"))
        .isEqualTo("OAuth needs both --oauth-issuer and --oauth-jwks-url");
    assertThat(error("--transport", "http", "--oauth-issuer", "login.example.com"))
        .isEqualTo("--oauth-issuer must be an absolute http or https URL, was 'login.example.com'");
    assertThat(error("--transport", "http", "--oauth-scopes", "a,\"b\""))
        .startsWith("--oauth-scopes: '\"b\"' is not a scope");
    assertThat(error("--oauth-issuer", "https://l.example.com", "--oauth-jwks-url", "https://l.example.com/k"))
        .isEqualTo("TLS and inbound auth options need --transport http");
  }
}
