package dev.openapi2mcp.runtime.testing;

import dev.openapi2mcp.runtime.cli.LaunchContext;
import dev.openapi2mcp.runtime.cli.Launcher;
import dev.openapi2mcp.runtime.mcp.McpServer;
import dev.openapi2mcp.runtime.mcp.McpServerOptions;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A server process for subprocess tests and the conformance suite: the real launcher and process wiring (stdout
 * takeover, logging, shutdown hooks) over {@link SampleServer}'s definition and fake executor.
 */
public final class SampleServerMain {
  /** System property with the tools/list page size, so that clients can be tested across pages. */
  public static final String PAGE_SIZE_PROPERTY = "sample.pageSize";

  private SampleServerMain() {}

  public static void main(String[] args) {
    AtomicReference<McpServer> server = new AtomicReference<>();
    LaunchContext context = LaunchContext.system(
        (definition, baseUrl, environment) -> SampleServer.executor(server),
        definition -> List.of("SAMPLE_TOKEN  bearer token (unused by the fake executor)"))
        .withOnServer(server::set)
        .withServerOptions(McpServerOptions.defaults().withPageSize(Integer.getInteger(PAGE_SIZE_PROPERTY, 100)));
    System.exit(new Launcher(context).run(SampleServer.definition(), args, List.of()));
  }
}
