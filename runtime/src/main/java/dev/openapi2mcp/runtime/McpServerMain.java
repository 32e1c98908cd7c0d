package dev.openapi2mcp.runtime;

import dev.openapi2mcp.runtime.cli.CommandLine;
import dev.openapi2mcp.runtime.cli.LaunchContext;
import dev.openapi2mcp.runtime.cli.Launcher;
import dev.openapi2mcp.runtime.http.ExecutorOptions;
import dev.openapi2mcp.runtime.http.RestToolExecutor;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolExecutor;
import java.util.List;
import java.util.Map;

/**
 * The command line of every generated server: {@code --transport stdio|http}, {@code --host}, {@code --port},
 * {@code --base-url}, {@code --allow-origin}, {@code --max-response-bytes}, {@code --file-root},
 * {@code --max-file-size}, {@code --stateless}, {@code --help}. See {@link Launcher} for the behaviour and exit
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
    LaunchContext context = LaunchContext.system(new RestExecutors(), RestToolExecutor::describeCredentials);
    return new Launcher(context).run(definition, args, extraHelp);
  }

  /** REST executors with the options the command line sets. */
  static final class RestExecutors implements LaunchContext.ExecutorFactory {
    @Override
    public ToolExecutor create(ServerDefinition definition, String baseUrl, Map<String, String> environment) {
      return RestToolExecutor.create(definition, baseUrl, environment);
    }

    @Override
    public ToolExecutor create(ServerDefinition definition, String baseUrl, Map<String, String> environment,
        CommandLine options) {
      return RestToolExecutor.create(definition, baseUrl, environment, executorOptions(options));
    }
  }

  /** The executor options the command line sets: response budget, local files for file parts, their limit. */
  static ExecutorOptions executorOptions(CommandLine options) {
    ExecutorOptions executorOptions = ExecutorOptions.defaults()
        .withFileRoot(options.fileRoot())
        .withMaxFileBytes(options.maxFileBytes());
    if (options.maxResponseBytes() != null) {
      executorOptions = executorOptions.withMaxResponseBytes(options.maxResponseBytes());
    }
    return executorOptions;
  }
}
