package dev.openapi2mcp.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.runtime.cli.CommandLine;
import dev.openapi2mcp.runtime.cli.UsageException;
import dev.openapi2mcp.runtime.testing.LogCapture;
import dev.openapi2mcp.runtime.tool.ParameterLocation;
import dev.openapi2mcp.runtime.tool.SecurityScheme;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolExecutor;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A server whose tools need credentials that are not set says so once at start (issue 12): how many tools, and the
 * variables of each security alternative that would satisfy them, grouped by alternative, in one line however many
 * tools there are; never a value. Tools without a security requirement, or with one alternative satisfied, count
 * as fine.
 */
class MissingCredentialsWarningTest {
  private static final String BASE_URL = "http://127.0.0.1:9/api";

  private final LogCapture log = LogCapture.attach(McpServerMain.class.getName(), null);

  @AfterEach
  void release() {
    log.close();
  }

  private static ServerDefinition.Builder petstore() {
    return ServerDefinition.builder("petstore").version("1")
        .securityScheme(SecurityScheme.apiKey("api_key", ParameterLocation.HEADER, "api_key"))
        .securityScheme(SecurityScheme.oauth2("petstore_auth"))
        .securityScheme(SecurityScheme.basic("basic"));
  }

  private static ToolDefinition tool(String name, String... alternatives) {
    ToolDefinition.Builder builder = ToolDefinition.builder(name).description("d").http("GET", "/" + name);
    for (String alternative : alternatives) {
      builder.security(alternative.split(","));
    }
    return builder.build();
  }

  private void start(ServerDefinition definition, Map<String, String> environment) throws UsageException {
    ToolExecutor executor = new McpServerMain.RestExecutors()
        .create(definition, BASE_URL, environment, CommandLine.parse());
    if (executor instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void toolsWithoutCredentialsAreCountedAndTheVariablesOfEachAlternativeNamed() throws Exception {
    ServerDefinition definition = petstore()
        .tool(tool("getPet", "api_key", "petstore_auth"))
        .tool(tool("addPet", "petstore_auth"))
        .tool(tool("login", "basic"))
        .tool(tool("health"))
        .build();

    start(definition, Map.of("PETSTORE_BASIC_USERNAME", "the-user-value"));

    assertThat(log.messages(Level.WARNING)).containsExactly("3 tools need credentials that are not set: set PETSTORE_API_KEY "
        + "(api_key), or PETSTORE_PETSTORE_AUTH_TOKEN (petstore_auth), or PETSTORE_BASIC_USERNAME and "
        + "PETSTORE_BASIC_PASSWORD (basic)");
  }

  @Test
  void noWarningWhenEveryToolHasOneAlternativeSatisfied() throws Exception {
    ServerDefinition definition = petstore()
        .tool(tool("getPet", "api_key", "petstore_auth"))
        .tool(tool("addPet", "api_key,petstore_auth", "api_key"))
        .tool(tool("health"))
        .build();

    start(definition, Map.of("PETSTORE_API_KEY", "k"));

    assertThat(log.messages(Level.WARNING)).isEmpty();
  }

  @Test
  void aThousandToolsWithManySchemesStillGetOneShortLine() throws Exception {
    ServerDefinition.Builder builder = ServerDefinition.builder("big").version("1");
    for (int s = 0; s < 6; s++) {
      builder.securityScheme(SecurityScheme.bearer("s" + s));
    }
    for (int i = 0; i < 1000; i++) {
      builder.tool(tool("t" + i, "s" + (i % 6)));
    }

    start(builder.build(), Map.of());

    assertThat(log.messages(Level.WARNING)).containsExactly("1000 tools need credentials that are not set: set BIG_S0_TOKEN (s0), or "
        + "BIG_S1_TOKEN (s1), or BIG_S2_TOKEN (s2), or BIG_S3_TOKEN (s3), or one of 2 more (see --help)");
  }
}
