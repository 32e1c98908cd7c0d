package dev.openapi2mcp.runtime.cli;

import dev.openapi2mcp.runtime.tool.ServerDefinition;
import java.util.List;

/** The {@code --help} text of a generated server. */
public final class Usage {
  private Usage() {}

  /**
   * @param extraHelp lines a hand-written main adds for its own options, printed as given after the options
   * @param credentials one line per credential variable; null leaves the section out
   */
  public static String text(ServerDefinition definition, List<String> extraHelp, List<String> credentials) {
    StringBuilder text = new StringBuilder();
    String what = definition.title() != null ? definition.title() : definition.name();
    text.append("Usage: ").append(definition.name()).append(" [options]\n\n");
    text.append("MCP server for ").append(what).append(' ').append(definition.version())
        .append(": each API operation is a tool.\n\n");
    text.append("Options:\n");
    option(text, "--transport stdio|http", "how MCP clients connect (default: stdio)");
    option(text, "--host HOST", "address to listen on with --transport http (default: 127.0.0.1)");
    option(text, "--port PORT", "port to listen on with --transport http; 0 picks a free port (default: 8080)");
    option(text, "--base-url URL", "base URL of the API (default: "
        + (definition.baseUrl() != null ? definition.baseUrl() : "none; this option is required") + ")");
    option(text, "--stateless", "with --transport http: no sessions, every request served on its own, so that");
    option(text, "", "replicas behind a load balancer can share the work (no GET event stream)");
    option(text, "--allow-origin ORIGIN", "also accept browser requests from ORIGIN with --transport http,");
    option(text, "", "e.g. https://app.example.com (repeatable; loopback origins are always accepted)");
    option(text, "--max-response-bytes N", "the most bytes of an API response returned to the model; more is cut,");
    option(text, "", "and the result says so (e.g. 65536, 64k, 4m; default: 1m)");
    option(text, "--file-root DIR", "let file-upload arguments name local files inside DIR by 'path'");
    option(text, "", "(default: none; files are then sent only as base64 'content')");
    option(text, "--max-file-size N", "the largest file sent in one upload (e.g. 65536, 64k, 4m; default: 32m)");
    option(text, "-h, --help", "print this help and exit");
    extraHelp.forEach(line -> text.append(line).append('\n'));
    if (credentials != null) {
      text.append("\nCredentials for the API are read from these environment variables:\n");
      if (credentials.isEmpty()) {
        text.append("  (none: the API declares no security schemes)\n");
      }
      credentials.forEach(line -> text.append("  ").append(line).append('\n'));
    }
    return text.toString();
  }

  private static void option(StringBuilder text, String option, String description) {
    text.append(String.format("  %-24s %s%n", option, description));
  }
}
