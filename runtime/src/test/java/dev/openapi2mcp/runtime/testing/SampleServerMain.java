package dev.openapi2mcp.runtime.testing;

import dev.openapi2mcp.runtime.cli.LaunchContext;
import dev.openapi2mcp.runtime.cli.Launcher;
import dev.openapi2mcp.runtime.mcp.McpServer;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A server process for subprocess tests and the conformance suite: the real launcher and process wiring (stdout
 * takeover, logging, shutdown hooks) over {@link SampleServer}'s definition and fake executor.
 */
public final class SampleServerMain {
  private SampleServerMain() {}

  public static void main(String[] args) {
    AtomicReference<McpServer> server = new AtomicReference<>();
    LaunchContext context = LaunchContext.system(
        (definition, baseUrl, environment) -> SampleServer.executor(server),
        definition -> List.of("SAMPLE_TOKEN  bearer token (unused by the fake executor)"))
        .withOnServer(server::set);
    System.exit(new Launcher(context).run(SampleServer.definition(), args, List.of()));
  }
}
