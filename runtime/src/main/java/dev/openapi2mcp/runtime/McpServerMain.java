package dev.openapi2mcp.runtime;

import dev.openapi2mcp.runtime.cli.CommandLine;
import dev.openapi2mcp.runtime.cli.LaunchContext;
import dev.openapi2mcp.runtime.cli.Launcher;
import dev.openapi2mcp.runtime.cli.UsageException;
import dev.openapi2mcp.runtime.credentials.CredentialSources;
import dev.openapi2mcp.runtime.http.ExecutorOptions;
import dev.openapi2mcp.runtime.http.RateLimitedExecutor;
import dev.openapi2mcp.runtime.http.RestToolExecutor;
import dev.openapi2mcp.runtime.http.UpstreamOptions;
import dev.openapi2mcp.runtime.http.resilience.RateLimiter;
import dev.openapi2mcp.runtime.observability.Tracing;
import dev.openapi2mcp.runtime.observability.TracingExecutor;
import dev.openapi2mcp.runtime.http.ToolDispatcher;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolExecutor;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The command line of every generated server: {@code --transport stdio|http}, {@code --host}, {@code --port},
 * {@code --base-url [API=]URL}, {@code --allow-origin}, {@code --max-response-bytes}, {@code --file-root},
 * {@code --max-file-size}, the inbound security options of the HTTP transport ({@code --tls-keystore},
 * {@code --auth-tokens-env}, {@code --oauth-issuer} …; see {@code InboundOptions}), the upstream authentication
 * options ({@code --credentials-file}, {@code --upstream-client-cert}, {@code --forward-header} …; see
 * {@code OutboundOptions}), {@code --confirm-destructive},
 * {@code --confirm-timeout}, {@code --connect-timeout}, {@code --read-timeout}, {@code --call-timeout},
 * {@code --retries}, {@code --rate-limit}, {@code --rate-limit-per-session}, {@code --stateless}, {@code --audit-log},
 * {@code --redact-header}, {@code --help}. See {@link Launcher} for the behaviour and exit codes; this class only
 * wires the real process, the executors (one per API, behind a {@link ToolDispatcher}, each with the upstream
 * options), when a rate limit is set the {@link RateLimitedExecutor} in front of them, and when OpenTelemetry is on
 * the class path the {@link TracingExecutor} in front of all (issue 5).
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
      // Opened first, so that a server that cannot write its audit trail does not start (issue 5).
      ExecutorOptions executorOptions = executorOptions(options)
          .withAuditSink(options.audit().openSink())
          .withTracing(Tracing.detect());
      ToolExecutor executor;
      try {
        UpstreamOptions upstream = upstreamOptions(options, environment, CredentialSources.systemProperties());
        ToolDispatcher dispatcher =
            ToolDispatcher.create(definition, baseUrl, options.apiBaseUrls(), executorOptions, upstream);
        dispatcher.missingCredentials().forEach(LOG::warning);
        executor = dispatcher;
      } catch (RuntimeException e) {
        closeQuietly(executorOptions.auditSink());
        throw e;
      }
      RateLimiter limiter = options.resilience().rateLimiter(executorOptions.resilience().time());
      ToolExecutor chain =
          limiter == null ? executor : new RateLimitedExecutor(executor, limiter, definition, executorOptions);
      return executorOptions.tracing() == Tracing.NONE ? chain
          : new TracingExecutor(chain, executorOptions.tracing());
    }

    private static void closeQuietly(Object sink) {
      if (sink instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          // Already failing to start; the first error is the one to report.
        }
      }
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

  /**
   * The executor options the command line sets: response budget, local files for file parts, their limit, timeouts,
   * retries and the headers the audit trail also redacts. The audit sink is left to the caller, since opening a file
   * is a side effect.
   */
  static ExecutorOptions executorOptions(CommandLine options) {
    ExecutorOptions executorOptions = options.resilience().applyTo(ExecutorOptions.defaults())
        .withFileRoot(options.fileRoot())
        .withMaxFileBytes(options.maxFileBytes())
        .withRedactedHeaders(new LinkedHashSet<>(options.audit().redactHeaders()));
    if (options.maxResponseBytes() != null) {
      executorOptions = executorOptions.withMaxResponseBytes(options.maxResponseBytes());
    }
    return executorOptions;
  }
}
