package dev.openapi2mcp.runtime.cli;

import dev.openapi2mcp.runtime.tool.ApiDefinition;
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
    if (definition.catalog()) {
      option(text, "--base-url API=URL", "base URL of one API of this catalog (repeatable); defaults:");
      for (ApiDefinition api : definition.apis()) {
        option(text, "", "  " + api.name() + ": " + (api.baseUrl() != null ? api.baseUrl() : "none; required"));
      }
    } else {
      option(text, "--base-url URL", "base URL of the API (default: "
          + (definition.baseUrl() != null ? definition.baseUrl() : "none; this option is required") + ")");
    }
    option(text, "--stateless", "with --transport http: no sessions, every request served on its own, so that");
    option(text, "", "replicas behind a load balancer can share the work (no GET event stream,");
    option(text, "", "no --confirm-destructive, cancellation ignored)");
    text.append("  --max-sessions-per-client N\n"); // too long for the option column
    option(text, "", "with --transport http: the most sessions one client (its authenticated");
    option(text, "", "principal, or its address without auth) may hold; more get 429 (default: 100)");
    text.append("  --session-idle-timeout TIME\n");
    option(text, "", "with --transport http: end a session unused for TIME; an open event");
    option(text, "", "stream does not count as use (e.g. 10m, 1h; default: 30m)");
    option(text, "--allow-origin ORIGIN", "also accept browser requests from ORIGIN with --transport http,");
    option(text, "", "e.g. https://app.example.com (repeatable; loopback origins are always accepted)");
    option(text, "--max-response-bytes N", "the most bytes of an API response returned to the model; more is cut,");
    option(text, "", "and the result says so (e.g. 65536, 64k, 4m; default: 1m)");
    option(text, "--file-root DIR", "let file-upload arguments name local files inside DIR by 'path'");
    option(text, "", "(default: none; files are then sent only as base64 'content')");
    option(text, "--max-file-size N", "the largest file sent in one upload (e.g. 65536, 64k, 4m; default: 32m)");
    option(text, "--tls-keystore FILE", "serve HTTPS with the key and certificate of this PKCS12 keystore;");
    option(text, "", "needs --tls-keystore-password-env");
    text.append("  --tls-keystore-password-env NAME\n"); // too long for the option column
    option(text, "", "the environment variable holding the keystore password");
    option(text, "--auth-tokens-env NAME", "require 'Authorization: Bearer <token>' with a token from this");
    option(text, "", "environment variable (comma-separated; 'label:token' names the caller)");
    option(text, "--auth-tokens-file FILE", "as --auth-tokens-env, with one token per line in FILE");
    option(text, "--auth-header NAME", "also accept a static token in this header, e.g. X-API-Key");
    option(text, "--oauth-issuer URL", "require OAuth access tokens (JWT) from this issuer; needs --oauth-jwks-url");
    option(text, "--oauth-jwks-url URL", "where the issuer publishes its signing keys");
    option(text, "--oauth-audience URL", "the audience tokens must name (default: this server's /mcp URL)");
    option(text, "--oauth-scopes S1,S2", "scopes every token must grant (default: none)");
    option(text, "--confirm-destructive", "ask the user (MCP elicitation) before any destructive tool runs;");
    option(text, "", "clients that cannot ask get an error instead (default: off)");
    option(text, "--confirm-timeout SECONDS", "how long to wait for the user's answer (default: 300)");
    option(text, "--page-size N", "tools per tools/list page; clients follow nextCursor to the next (default: 100)");
    option(text, "--connect-timeout TIME", "longest wait to connect to the API (e.g. 500ms, 10s, 2m; default: 10s)");
    option(text, "--read-timeout TIME", "longest silence while reading an API response (default: 60s)");
    option(text, "--call-timeout TIME", "longest API call, retries and their waits included (default: 2m)");
    option(text, "--retries N", "retries of idempotent calls (GET, HEAD, OPTIONS, TRACE, PUT, DELETE) on");
    option(text, "", "failures to connect and on 429/502/503/504, with backoff and Retry-After");
    option(text, "", "(0-10; default: 2)");
    option(text, "--keep-alive TIME", "how long an idle connection to the API is kept for reuse; keep it below the");
    option(text, "", "API's own idle timeout (default: 4s)");
    option(text, "--rate-limit RATE", "most tool calls for all sessions together, e.g. 50/s, 600/m, 50/s,burst=100");
    option(text, "", "(default: none)");
    option(text, "--rate-limit-per-session", "RATE: most tool calls per MCP session (or per client without one),");
    option(text, "", "e.g. 10/s (default: none)");
    option(text, "--audit-log FILE|stderr", "where the audit trail goes: one JSON record per tool call, appended");
    option(text, "", "to FILE, or on stderr as 'audit {json}' lines; it cannot be turned off");
    option(text, "", "(default: stderr)");
    option(text, "--redact-header NAME", "also hide the values of arguments sent in header NAME in the audit trail");
    option(text, "", "(repeatable; Authorization, Cookie, X-API-Key, apiKey headers and");
    option(text, "", "secret-looking names are always hidden)");
    option(text, "--credentials-file FILE", "upstream credentials per scheme (.properties or .yaml); the environment");
    option(text, "", "and -Dopenapi2mcp.* system properties take precedence over it");
    text.append("  --upstream-client-cert FILE\n");
    option(text, "", "client certificate for mutual TLS toward the API: PKCS12, or PEM with");
    option(text, "", "the certificate and an unencrypted PKCS#8 key");
    text.append("  --upstream-client-key FILE\n");
    option(text, "", "the PEM private key, when the certificate file has none");
    text.append("  --upstream-client-cert-password-env NAME\n"); // too long for the option column
    option(text, "", "the environment variable holding the PKCS12 password");
    option(text, "--upstream-ca FILE", "also trust the CAs in this PEM or PKCS12 file toward the API");
    text.append("  --upstream-ca-password-env NAME\n");
    option(text, "", "the environment variable holding the PKCS12 password of --upstream-ca");
    option(text, "--forward-header NAME", "send this header of the MCP client's request to the API (repeatable;");
    option(text, "", "--transport http; Authorization only when named)");
    option(text, "--token-exchange-url URL", "exchange the MCP client's bearer token here (RFC 8693) for the API's");
    option(text, "", "token (on-behalf-of calls; --transport http)");
    text.append("  --token-exchange-audience AUDIENCE\n");
    option(text, "", "the audience to request in the token exchange (default: none)");
    option(text, "-h, --help", "print this help and exit");
    extraHelp.forEach(line -> text.append(line).append('\n'));
    if (credentials != null) {
      text.append(definition.catalog()
          ? "\nCredentials for the APIs are read from these environment variables (or the system property\n"
              + "openapi2mcp.<server>.<api>.<scheme>.<field>, or the key <api>.<scheme>.<field> of\n"
              + "--credentials-file):\n"
          : "\nCredentials for the API are read from these environment variables (or the system property\n"
              + "openapi2mcp.<server>.<scheme>.<field>, or the key <scheme>.<field> of --credentials-file):\n");
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
