package dev.openapi2mcp.runtime.testing;

import dev.openapi2mcp.runtime.McpServerMain;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ParameterLocation;
import dev.openapi2mcp.runtime.tool.SecurityScheme;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;

/**
 * A generated-style server for process tests of issue 5 (audit file, tracing): {@link McpServerMain#run} with the
 * real REST executor over a one-tool definition. With {@code -Dtest.otel=true} it first registers an OpenTelemetry
 * SDK as {@code GlobalOpenTelemetry}, as an application or agent would; without it, no OpenTelemetry class is
 * touched here, so it also runs on a class path without the OpenTelemetry jars.
 */
public final class RestServerMain {
  public static final String KEY_VARIABLE = "VAULT_VAULT_KEY";

  private RestServerMain() {}

  public static ServerDefinition definition() {
    return ServerDefinition.builder("vault").version("1.0.0")
        .baseUrl("http://127.0.0.1:9/none")
        .securityScheme(SecurityScheme.apiKey("vault_key", ParameterLocation.HEADER, "X-Vault-Key"))
        .tool(ToolDefinition.builder("getSecret")
            .inputSchema("{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
                + "\"pin\":{\"type\":\"string\"}},\"required\":[\"name\"]}")
            .http("GET", "/secrets/{name}")
            .parameter(ParameterBinding.path("name", "name"))
            .parameter(ParameterBinding.header("pin", "X-Customer-Pin", false))
            .security("vault_key")
            .build())
        .build();
  }

  public static void main(String[] args) {
    if (Boolean.getBoolean("test.otel")) {
      GlobalTracingSetup.register();
    }
    System.exit(McpServerMain.run(definition(), args));
  }
}
