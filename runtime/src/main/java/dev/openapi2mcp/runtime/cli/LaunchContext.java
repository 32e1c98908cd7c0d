package dev.openapi2mcp.runtime.cli;

import dev.openapi2mcp.runtime.mcp.McpServer;
import dev.openapi2mcp.runtime.mcp.McpServerOptions;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import dev.openapi2mcp.runtime.tool.ToolExecutor;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What {@link Launcher} takes from its surroundings: the process streams, the environment, how to build the tool
 * executor and how to hook JVM shutdown. {@link #system} is the real process; tests pass fakes.
 *
 * @param stdin where stdio requests come from
 * @param protocolOut gives the stream stdio responses go to; called once, only for the stdio transport
 * @param out where {@code --help} goes
 * @param err where errors, the listening line and logs go
 * @param environment where the executor reads credentials
 * @param executors builds the executor for a definition and base URL
 * @param credentials describes the credential variables for {@code --help}
 * @param shutdownHooks registers work to run when the JVM is asked to stop
 * @param setUpLogging configures logging before the server starts
 * @param onServer sees the server once it exists, e.g. to reach sessions of running calls
 * @param serverOptions tuning of the protocol core (page size, tool threads, shutdown grace)
 */
public record LaunchContext(
    InputStream stdin,
    Supplier<OutputStream> protocolOut,
    PrintStream out,
    PrintStream err,
    Map<String, String> environment,
    ExecutorFactory executors,
    Function<ServerDefinition, List<String>> credentials,
    ShutdownHooks shutdownHooks,
    Runnable setUpLogging,
    Consumer<McpServer> onServer,
    McpServerOptions serverOptions) {

  public LaunchContext {
    Objects.requireNonNull(stdin, "stdin");
    Objects.requireNonNull(protocolOut, "protocolOut");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(executors, "executors");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(shutdownHooks, "shutdownHooks");
    Objects.requireNonNull(setUpLogging, "setUpLogging");
    Objects.requireNonNull(onServer, "onServer");
    Objects.requireNonNull(serverOptions, "serverOptions");
  }

  /** Builds the tool executor; a thrown exception's message is shown to the user, so it must hold no secret. */
  @FunctionalInterface
  public interface ExecutorFactory {
    ToolExecutor create(ServerDefinition definition, String baseUrl, Map<String, String> environment);

    /**
     * As {@link #create(ServerDefinition, String, Map)}, for a command line whose executor options (such as
     * {@code --max-response-bytes}) the factory may honour; by default they are ignored.
     */
    default ToolExecutor create(ServerDefinition definition, String baseUrl, Map<String, String> environment,
        CommandLine options) {
      return create(definition, baseUrl, environment);
    }
  }

  /** Registers shutdown work; closing the returned handle unregisters it. */
  @FunctionalInterface
  public interface ShutdownHooks {
    AutoCloseable register(Runnable work);

    /** JVM shutdown hooks (SIGTERM, SIGINT, System.exit). */
    static ShutdownHooks jvm() {
      return work -> {
        Thread hook = new Thread(work, "openapi2mcp-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
          try {
            Runtime.getRuntime().removeShutdownHook(hook);
          } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or has run.
          }
        };
      };
    }
  }

  /**
   * The real process with the given executor wiring. Choosing stdio takes the real stdout for the protocol and
   * points {@link System#out} at stderr, so that stray prints cannot corrupt the message stream.
   */
  public static LaunchContext system(
      ExecutorFactory executors, Function<ServerDefinition, List<String>> credentials) {
    PrintStream err = System.err;
    return new LaunchContext(
        System.in,
        () -> {
          System.out.flush();
          System.setOut(err);
          return new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024);
        },
        System.out,
        err,
        System.getenv(),
        executors,
        credentials,
        ShutdownHooks.jvm(),
        () -> ConsoleLogging.install(err),
        server -> {},
        McpServerOptions.defaults());
  }

  /** The same context with another {@code onServer} callback. */
  public LaunchContext withOnServer(Consumer<McpServer> callback) {
    return new LaunchContext(stdin, protocolOut, out, err, environment, executors, credentials, shutdownHooks,
        setUpLogging, callback, serverOptions);
  }

  /** The same context with another environment (where credentials are read). */
  public LaunchContext withEnvironment(Map<String, String> values) {
    return new LaunchContext(stdin, protocolOut, out, err, values, executors, credentials, shutdownHooks,
        setUpLogging, onServer, serverOptions);
  }

  /** The same context with other protocol-core options. */
  public LaunchContext withServerOptions(McpServerOptions options) {
    return new LaunchContext(stdin, protocolOut, out, err, environment, executors, credentials, shutdownHooks,
        setUpLogging, onServer, options);
  }
}
