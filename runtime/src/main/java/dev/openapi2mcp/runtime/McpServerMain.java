package dev.openapi2mcp.runtime;

import dev.openapi2mcp.runtime.cli.CommandLine;
import dev.openapi2mcp.runtime.cli.LaunchContext;
import dev.openapi2mcp.runtime.cli.Launcher;
import dev.openapi2mcp.runtime.http.ExecutorOptions;
import dev.openapi2mcp.runtime.http.RateLimitedExecutor;
import dev.openapi2mcp.runtime.http.RestToolExecutor;
import dev.openapi2mcp.runtime.http.resilience.RateLimiter;
import dev.openapi2mcp.runtime.http.ToolDispatcher;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolExecutor;
import java.util.List;
import java.util.Map;

/**
 * The command line of every generated server: {@code --transport stdio|http}, {@code --host}, {@code --port},
 * {@code --base-url [API=]URL}, {@code --allow-origin}, {@code --max-response-bytes}, {@code --file-root},
 * {@code --max-file-size}, the inbound security options of the HTTP transport ({@code --tls-keystore},
 * {@code --auth-tokens-env}, {@code --oauth-issuer} …; see {@code InboundOptions}), {@code --confirm-destructive},
 * {@code --confirm-timeout}, {@code --connect-timeout}, {@code --read-timeout}, {@code --call-timeout},
 * {@code --retries}, {@code --rate-limit}, {@code --rate-limit-per-session}, {@code --stateless}, {@code --help}. See
 * {@link Launcher} for the behaviour and exit codes; this class only wires the real process, the executors (one per
 * API, behind a {@link ToolDispatcher}) and, when a rate limit is set, the {@link RateLimitedExecutor} in front of
 * them.
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

  /**
   * As {@link #run(ServerDefinition, String[], List)}, with {@code environment} added to the process's (its values
   * win): a demo main supplies the credentials of its embedded APIs this way (issue 4).
   */
  public static int run(ServerDefinition definition, String[] args, List<String> extraHelp,
      Map<String, String> environment) {
    LaunchContext context = LaunchContext.system(new RestExecutors(), RestToolExecutor::describeCredentials);
    Map<String, String> merged = new java.util.HashMap<>(context.environment());
    merged.putAll(environment);
    return new Launcher(context.withEnvironment(merged)).run(definition, args, extraHelp);
  }

  /**
   * Executors with the options the command line sets: a {@link ToolDispatcher} over one REST executor per API (or
   * the server's one), hand-written tools and hooks (issue 4).
   */
  static final class RestExecutors implements LaunchContext.ExecutorFactory {
    @Override
    public ToolExecutor create(ServerDefinition definition, String baseUrl, Map<String, String> environment) {
      return ToolDispatcher.create(definition, baseUrl, Map.of(), environment, ExecutorOptions.defaults());
    }

    @Override
    public ToolExecutor create(ServerDefinition definition, String baseUrl, Map<String, String> environment,
        CommandLine options) {
      ExecutorOptions executorOptions = executorOptions(options);
      ToolExecutor executor = ToolDispatcher.create(definition, baseUrl, options.apiBaseUrls(), environment,
          executorOptions);
      RateLimiter limiter = options.resilience().rateLimiter(executorOptions.resilience().time());
      return limiter == null ? executor : new RateLimitedExecutor(executor, limiter, definition, executorOptions);
    }
  }

  /**
   * The executor options the command line sets: response budget, local files for file parts, their limit, timeouts
   * and retries.
   */
  static ExecutorOptions executorOptions(CommandLine options) {
    ExecutorOptions executorOptions = options.resilience().applyTo(ExecutorOptions.defaults())
        .withFileRoot(options.fileRoot())
        .withMaxFileBytes(options.maxFileBytes());
    if (options.maxResponseBytes() != null) {
      executorOptions = executorOptions.withMaxResponseBytes(options.maxResponseBytes());
    }
    return executorOptions;
  }
}
