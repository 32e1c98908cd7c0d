package dev.openapi2mcp.runtime;

import dev.openapi2mcp.runtime.cli.LaunchContext;
import dev.openapi2mcp.runtime.cli.Launcher;
import dev.openapi2mcp.runtime.http.RestToolExecutor;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import java.util.List;

/**
 * The command line of every generated server: {@code --transport stdio|http}, {@code --host}, {@code --port},
 * {@code --base-url}, {@code --allow-origin}, {@code --file-root}, {@code --max-file-size}, {@code --help}. See {@link Launcher} for the behaviour and exit
 * codes; this class only wires the real process and the REST executor.
 */
public final class McpServerMain {
  private McpServerMain() {}

  /**
   * Parses {@code args}, serves until the transport ends (stdin EOF on stdio; shutdown on HTTP) and returns the
   * process exit code. Generated mains call {@code System.exit(McpServerMain.run(definition(), args))}.
   */
  public static int run(ServerDefinition definition, String[] args) {
    return run(definition, args, List.of());
  }

  /**
   * As {@link #run(ServerDefinition, String[])}, with lines a hand-written main adds to {@code --help}
   * for options it handled itself before delegating here (e.g. {@code --demo}).
   */
  public static int run(ServerDefinition definition, String[] args, List<String> extraHelp) {
    LaunchContext context = LaunchContext.system(RestToolExecutor::create, RestToolExecutor::describeCredentials);
    return new Launcher(context).run(definition, args, extraHelp);
  }
}
