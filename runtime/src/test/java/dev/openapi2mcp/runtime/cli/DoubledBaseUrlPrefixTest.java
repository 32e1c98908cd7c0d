package dev.openapi2mcp.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openapi2mcp.runtime.mcp.McpServerOptions;
import dev.openapi2mcp.runtime.testing.LogCapture;
import dev.openapi2mcp.runtime.testing.SampleServer;
import dev.openapi2mcp.runtime.tool.ApiDefinition;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A {@code --base-url} whose last path segment the API's paths repeat ({@code /rest} and {@code /rest/api/…}) gets
 * one start-up warning saying where requests go and what to drop (issue 12); a base URL that does not repeat, or
 * that only one path of many shares, gets none.
 */
@Timeout(30)
class DoubledBaseUrlPrefixTest {
  private final LogCapture log = LogCapture.attach(Launcher.class.getName(), null);

  @AfterEach
  void release() {
    log.close();
  }

  private static ServerDefinition jira(String... paths) {
    ServerDefinition.Builder builder = ServerDefinition.builder("jira").version("1");
    int i = 0;
    for (String path : paths) {
      builder.tool(ToolDefinition.builder("t" + i++).description("d").http("GET", path).build());
    }
    return builder.build();
  }

  private int run(ServerDefinition definition, String... args) {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    LaunchContext context = new LaunchContext(new ByteArrayInputStream(new byte[0]), ByteArrayOutputStream::new,
        sink, sink, Map.of(), (d, baseUrl, env) -> SampleServer.executor(new AtomicReference<>()),
        d -> List.of(), work -> () -> {}, () -> {}, server -> {}, McpServerOptions.defaults());
    return new Launcher(context).run(definition, args, List.of());
  }

  @Test
  void aBaseUrlEndingInThePathsFirstSegmentIsWarnedOfOnce() {
    ServerDefinition definition = jira("/rest/api/2/issue/{key}", "/rest/api/2/search", "/status");

    assertThat(run(definition, "--base-url", "https://jira.example.com/rest/")).isEqualTo(Launcher.OK);

    assertThat(log.messages(Level.WARNING)).containsExactly("--base-url ends in /rest and the API's paths start with /rest too: "
        + "requests go to /rest/rest/...; drop /rest from --base-url?");
  }

  @Test
  void aCatalogApiGetsTheWarningUnderItsOwnOption() {
    ServerDefinition definition = ServerDefinition.builder("catalog").version("1")
        .api(new ApiDefinition("inventory", "Inventory", "https://inv.example.com", List.of()))
        .tool(ToolDefinition.builder("list").description("d").http("GET", "/v2/items").api("inventory").build())
        .build();

    assertThat(run(definition, "--base-url", "inventory=https://inv.example.com/v2")).isEqualTo(Launcher.OK);

    assertThat(log.messages(Level.WARNING)).containsExactly("--base-url inventory=URL ends in /v2 and the API's paths start with /v2 "
        + "too: requests go to /v2/v2/...; drop /v2 from --base-url inventory=URL?");
  }

  @Test
  void noWarningWhenThePathsDoNotRepeatTheBaseUrl() {
    ServerDefinition definition = jira("/rest/api/2/issue/{key}", "/api/2/search", "/status");

    assertThat(run(definition, "--base-url", "https://jira.example.com/rest")).isEqualTo(Launcher.OK);
    assertThat(run(definition, "--base-url", "https://jira.example.com/")).isEqualTo(Launcher.OK);
    assertThat(run(jira("/rest/api/2/search"), "--base-url", "https://jira.example.com/restful"))
        .isEqualTo(Launcher.OK);

    assertThat(log.messages(Level.WARNING)).isEmpty();
  }
}
