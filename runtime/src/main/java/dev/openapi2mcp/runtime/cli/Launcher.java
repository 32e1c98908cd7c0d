package dev.openapi2mcp.runtime.cli;

import dev.openapi2mcp.runtime.mcp.McpServer;
import dev.openapi2mcp.runtime.mcp.McpServerOptions;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolDefinition;
import dev.openapi2mcp.runtime.tool.ToolExecutor;
import dev.openapi2mcp.runtime.transport.http.HttpTransportOptions;
import dev.openapi2mcp.runtime.transport.http.StreamableHttpTransport;
import dev.openapi2mcp.runtime.transport.stdio.StdioTransport;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a server from its command line: parses the options, wires executor, protocol core and transport, serves until
 * the transport ends and returns the exit code.
 *
 * <p>Exit codes: 0 after a normal end (stdin EOF on stdio, shutdown on HTTP) and for {@code --help}; 2 for a usage
 * or configuration mistake (unknown option, bad value, no base URL, unknown host); 1 when the server cannot start
 * (port taken, executor or definition rejected).
 */
public final class Launcher {
  private static final Logger LOG = Logger.getLogger(Launcher.class.getName());

  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  private final LaunchContext context;

  public Launcher(LaunchContext context) {
    this.context = context;
  }

  public int run(ServerDefinition definition, String[] args, List<String> extraHelp) {
    CommandLine options;
    try {
      options = CommandLine.parse(args);
    } catch (UsageException e) {
      return usageError(e.getMessage());
    }
    if (options.help()) {
      context.out().print(Usage.text(definition, extraHelp, context.credentials().apply(definition)));
      context.out().flush();
      return OK;
    }
    String baseUrl = null;
    try {
      if (definition.catalog()) {
        BaseUrls.checkCatalog(definition, options);
      } else {
        baseUrl = BaseUrls.plain(definition, options);
      }
    } catch (UsageException e) {
      return fail(USAGE, e.getMessage());
    }
    // Take stdout for the protocol before any other code runs, so that nothing printed while starting reaches it.
    OutputStream protocolOut =
        options.transport() == CommandLine.Transport.STDIO ? context.protocolOut().get() : null;
    context.setUpLogging().run();
    warnOfDoubledPrefixes(definition, options);
    ToolExecutor executor;
    try {
      executor = context.executors().create(definition, baseUrl, context.environment(), options);
    } catch (RuntimeException e) {
      return fail(FAILED, "cannot start: " + e.getMessage());
    }
    try {
      McpServer server;
      try {
        server = new McpServer(definition, executor, serverOptions(options));
      } catch (IllegalArgumentException e) {
        return fail(FAILED, "invalid server definition: " + e.getMessage());
      }
      context.onServer().accept(server);
      return protocolOut != null ? serveStdio(server, protocolOut) : serveHttp(server, options);
    } finally {
      closeQuietly(executor);
    }
  }

  /** The context's protocol-core options with what the command line sets (destructive confirmation, page size). */
  private McpServerOptions serverOptions(CommandLine options) {
    McpServerOptions serverOptions = context.serverOptions();
    if (options.confirmDestructive()) {
      serverOptions = serverOptions.withConfirmDestructive(true);
    }
    if (options.confirmTimeout() != null) {
      serverOptions = serverOptions.withElicitationTimeout(options.confirmTimeout());
    }
    if (options.pageSize() != null) {
      serverOptions = serverOptions.withPageSize(options.pageSize());
    }
    return serverOptions;
  }

  private int serveStdio(McpServer server, OutputStream protocolOut) {
    StdioTransport transport = new StdioTransport(server, context.stdin(), protocolOut);
    // On SIGTERM, calls in flight still get the grace period to answer.
    AutoCloseable hook = context.shutdownHooks().register(server::close);
    try {
      transport.run();
    } finally {
      unregister(hook);
    }
    return OK;
  }

  private int serveHttp(McpServer server, CommandLine options) {
    InboundOptions.Resolved inbound;
    try {
      inbound = options.inbound().resolve(context.environment(), options.host(), server.definition().name());
    } catch (UsageException e) {
      return fail(USAGE, e.getMessage());
    }
    HttpTransportOptions httpOptions = options.sessions().applyTo(HttpTransportOptions.defaults())
        .withHost(options.host())
        .withPort(options.port())
        .withAllowedOrigins(options.allowedOrigins())
        .withTls(inbound.tls())
        .withAuth(inbound.auth())
        .withStateless(options.stateless());
    StreamableHttpTransport transport = new StreamableHttpTransport(server, httpOptions);
    try {
      transport.start();
    } catch (IllegalArgumentException e) {
      transport.close();
      return fail(FAILED, "cannot start: " + e.getMessage());
    } catch (UnknownHostException e) {
      transport.close();
      return fail(USAGE, "--host: unknown host '" + options.host() + "'");
    } catch (IOException e) {
      transport.close();
      if (isBindFailure(e)) {
        return fail(FAILED, "port " + options.port() + " on " + options.host() + " is in use: pass --port 0 for a "
            + "free port, or another --port");
      }
      return fail(FAILED, "cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage());
    }
    context.err().println("openapi2mcp: " + server.definition().name() + " listening on " + transport.endpoint()
        + (options.stateless() ? " (stateless)" : ""));
    context.err().flush();
    AutoCloseable hook = context.shutdownHooks().register(transport::close);
    try {
      transport.awaitClosed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      transport.close();
    } finally {
      unregister(hook);
    }
    return OK;
  }

  /** Warns of each base URL given on the command line whose last path segment the API's paths repeat. */
  private static void warnOfDoubledPrefixes(ServerDefinition definition, CommandLine options) {
    if (options.baseUrl() != null) {
      List<ToolDefinition> tools = definition.tools().stream().filter(tool -> tool.api() == null).toList();
      DoubledPrefix.warning("--base-url", options.baseUrl(), tools).ifPresent(LOG::warning);
    }
    options.apiBaseUrls().forEach((api, url) -> {
      List<ToolDefinition> tools = definition.tools().stream().filter(tool -> api.equals(tool.api())).toList();
      DoubledPrefix.warning("--base-url " + api + "=URL", url, tools).ifPresent(LOG::warning);
    });
  }

  /** Whether starting failed because the address is taken: the HTTP engine may wrap the {@link BindException}. */
  private static boolean isBindFailure(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException) {
        return true;
      }
    }
    return false;
  }

  private static void unregister(AutoCloseable hook) {
    try {
      hook.close();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "unregistering the shutdown hook failed", e);
    }
  }

  /** The mistake and where the options are described; the whole usage would bury the one line that matters. */
  private int usageError(String message) {
    context.err().println("openapi2mcp: " + message);
    context.err().println("Run with --help for the options.");
    context.err().flush();
    return USAGE;
  }

  private int fail(int code, String message) {
    context.err().println("openapi2mcp: " + message);
    context.err().flush();
    return code;
  }

  private static void closeQuietly(ToolExecutor executor) {
    if (executor instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.log(Level.FINE, "closing the tool executor failed", e);
      }
    }
  }
}
