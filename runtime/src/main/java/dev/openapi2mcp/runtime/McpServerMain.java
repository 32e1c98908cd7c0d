package dev.openapi2mcp.runtime;

import dev.openapi2mcp.runtime.cli.CommandLine;
import dev.openapi2mcp.runtime.cli.LaunchContext;
import dev.openapi2mcp.runtime.cli.Launcher;
import dev.openapi2mcp.runtime.cli.UsageException;
import dev.openapi2mcp.runtime.credentials.CredentialSources;
import dev.openapi2mcp.runtime.http.ExecutorOptions;
import dev.openapi2mcp.runtime.http.RestToolExecutor;
import dev.openapi2mcp.runtime.http.UpstreamOptions;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolExecutor;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The command line of every generated server: {@code --transport stdio|http}, {@code --host}, {@code --port},
 * {@code --base-url}, {@code --allow-origin}, {@code --max-response-bytes}, {@code --file-root},
 * {@code --max-file-size}, the inbound security options of the HTTP transport ({@code --tls-keystore},
 * {@code --auth-tokens-env}, {@code --oauth-issuer} …; see {@code InboundOptions}), the upstream authentication
 * options ({@code --credentials-file}, {@code --upstream-client-cert}, {@code --forward-header} …; see
 * {@code OutboundOptions}), {@code --help}. See
 * {@link Launcher} for the behaviour and exit
 * codes; this class only wires the real process and the REST executor.
 */
public final class McpServerMain {
  private static final Logger LOG = Logger.getLogger(McpServerMain.class.getName());
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
      return RestToolExecutor.create(definition, baseUrl, executorOptions(options),
          upstreamOptions(options, environment, CredentialSources.systemProperties()));
    }
  }

  /**
   * The upstream options the command line sets (issue 5): credential sources in precedence order (environment,
   * system properties, {@code --credentials-file}), TLS, forwarded headers, token exchange. Warnings (a credentials
   * file others may read) are logged.
   *
   * @throws IllegalArgumentException when a file cannot be used or a password variable is unset (named)
   */
  static UpstreamOptions upstreamOptions(CommandLine options, Map<String, String> environment,
      Map<String, String> systemProperties) {
    try {
      return options.upstream().resolve(environment, systemProperties, warning -> LOG.warning(warning));
    } catch (UsageException e) {
      throw new IllegalArgumentException(e.getMessage());
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
