package dev.openapi2mcp.runtime.testing;

import dev.openapi2mcp.runtime.McpServerMain;
import dev.openapi2mcp.runtime.tool.ParameterBinding;
import dev.openapi2mcp.runtime.tool.ParameterLocation;
import dev.openapi2mcp.runtime.tool.SecurityScheme;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import java.util.List;
import java.util.Map;

/**
 * A generated-style server with one tool per kind of upstream credential, for the canary test of the hostile-client
 * suite: each tool {@code echo_<scheme>} sends {@code GET /echo/<scheme>?q=…} with that scheme's credential, so an API
 * that echoes its request puts the credential into the tool's result.
 */
public final class CanaryServerMain {
  public static final String SERVER = "canary";

  /** The schemes, one of each type and location a description can declare. */
  public static final List<SecurityScheme> SCHEMES = List.of(
      SecurityScheme.apiKey("hdr", ParameterLocation.HEADER, "X-Api-Key"),
      SecurityScheme.apiKey("qry", ParameterLocation.QUERY, "api_key"),
      SecurityScheme.apiKey("ck", ParameterLocation.COOKIE, "session"),
      SecurityScheme.basic("basic"),
      SecurityScheme.bearer("bearer"),
      SecurityScheme.oauth2("machine", "/token", "read"));

  /**
   * The environment that configures a canary for every credential field of {@link #SCHEMES}, and an inbound token
   * ({@code CANARY_INBOUND}, for {@code --auth-tokens-env}). Each value holds characters that change under JSON
   * escaping, percent-encoding and base64 alignment.
   */
  public static final Map<String, String> ENVIRONMENT = Map.of(
      "CANARY_HDR", "cnry-hdr/Q7+x=k2Lm9",
      "CANARY_QRY", "cnry-qry/Z3+w=p8Rt1",
      "CANARY_CK", "cnry-ck/H5+v=d4Nb6Y",
      "CANARY_BASIC_USERNAME", "canary-user",
      "CANARY_BASIC_PASSWORD", "cnry-pw/J2+u=s9Fq3",
      "CANARY_BEARER_TOKEN", "cnry-bearer/T6+r=y1Wc8",
      "CANARY_MACHINE_CLIENT_ID", "canary-client",
      "CANARY_MACHINE_CLIENT_SECRET", "cnry-csecret/B4+e=g7Xh2",
      "CANARY_INBOUND", "cnry-inbound/V8+i_o3Kz5");

  private CanaryServerMain() {}

  /** The values of {@link #ENVIRONMENT} that are secrets: all but the basic user name and the OAuth client id. */
  public static List<String> configuredSecrets() {
    return ENVIRONMENT.entrySet().stream()
        .filter(e -> !e.getKey().endsWith("_USERNAME") && !e.getKey().endsWith("_CLIENT_ID"))
        .map(Map.Entry::getValue).sorted().toList();
  }

  /** This server as a child process with {@link #ENVIRONMENT} set, given {@code args}. */
  public static ServerProcess start(List<String> args) throws java.io.IOException {
    ProcessBuilder builder = new ProcessBuilder(ServerProcess.command(List.of(), CanaryServerMain.class, args));
    builder.environment().putAll(ENVIRONMENT);
    return ServerProcess.start(builder);
  }

  public static ServerDefinition definition() {
    ServerDefinition.Builder server = ServerDefinition.builder(SERVER).version("1.0.0")
        .baseUrl("http://127.0.0.1:9/none");
    for (SecurityScheme scheme : SCHEMES) {
      server.securityScheme(scheme)
          .tool(ToolDefinition.builder("echo_" + scheme.name())
              .inputSchema("{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"}}}")
              .http("GET", "/echo/" + scheme.name())
              .parameter(ParameterBinding.query("q", "q", false))
              .security(scheme.name())
              .build());
    }
    return server.build();
  }

  public static void main(String[] args) {
    System.exit(McpServerMain.run(definition(), args));
  }
}
