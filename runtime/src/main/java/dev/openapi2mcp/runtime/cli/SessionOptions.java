package dev.openapi2mcp.runtime.cli;

import dev.openapi2mcp.runtime.transport.http.HttpTransportOptions;
import java.time.Duration;
import java.util.List;

/**
 * The command-line limits on sessions of the HTTP transport: how many one client may hold, and how long an unused
 * one lives.
 *
 * @param maxPerClient {@code --max-sessions-per-client N}: sessions one principal (or, without inbound auth, one
 *     remote address) may hold at once
 * @param idleTimeout {@code --session-idle-timeout TIME}: how long a session lives without requests
 */
public record SessionOptions(int maxPerClient, Duration idleTimeout) {

  /** The option names, in the order {@code --help} lists them. */
  static final List<String> NAMES = List.of("--max-sessions-per-client", "--session-idle-timeout");

  /** The transport's own defaults. */
  public static SessionOptions defaults() {
    HttpTransportOptions http = HttpTransportOptions.defaults();
    return new SessionOptions(http.maxSessionsPerPrincipal(), http.sessionIdleTimeout());
  }

  /** These options with one more of {@link #NAMES} applied. */
  SessionOptions with(String name, String value) throws UsageException {
    return switch (name) {
      case "--max-sessions-per-client" -> new SessionOptions(count(name, value), idleTimeout);
      case "--session-idle-timeout" -> new SessionOptions(maxPerClient, CommandLine.duration(name, value));
      default -> throw new IllegalArgumentException("not a session option: " + name);
    };
  }

  /** The HTTP transport's options with these limits. */
  public HttpTransportOptions applyTo(HttpTransportOptions options) {
    return options.withMaxSessionsPerPrincipal(maxPerClient).withSessionIdleTimeout(idleTimeout);
  }

  private static int count(String name, String value) throws UsageException {
    try {
      int number = Integer.parseInt(value.trim());
      if (number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(name + " must be a whole number of at least 1, was '" + value + "'");
  }
}
