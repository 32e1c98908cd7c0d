package dev.openapi2mcp.runtime.http;

import dev.openapi2mcp.runtime.credentials.CredentialSources;
import dev.openapi2mcp.runtime.credentials.UpstreamTls;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link RestToolExecutor} authenticates toward the API (issue 5): where credentials come from, TLS (client
 * certificate, extra CAs), which inbound headers it forwards, and token exchange for on-behalf-of calls.
 *
 * @param credentials the credential sources, in precedence order
 * @param tls client certificate and trust toward the API, or null for the JVM's defaults
 * @param forwardHeaders names of MCP-client request headers to send upstream ({@code --forward-header})
 * @param tokenExchangeUrl the RFC 8693 token endpoint for on-behalf-of calls, or null for none
 * @param tokenExchangeAudience the {@code audience} to request in token exchange, or null
 */
public record UpstreamOptions(CredentialSources credentials, UpstreamTls tls, List<String> forwardHeaders,
    URI tokenExchangeUrl, String tokenExchangeAudience) {

  /**
   * Headers that are never forwarded, lower case: they belong to the connection or to the MCP exchange, and
   * forwarding them would break the upstream call.
   */
  public static final Set<String> NOT_FORWARDABLE = Set.of("host", "content-length", "transfer-encoding",
      "connection", "keep-alive", "te", "trailer", "upgrade", "proxy-connection", "expect", "content-type", "accept",
      "accept-encoding", "mcp-session-id", "mcp-protocol-version", "last-event-id");

  public UpstreamOptions {
    Objects.requireNonNull(credentials, "credentials");
    forwardHeaders = List.copyOf(forwardHeaders);
  }

  /** Credentials from {@code environment} only, default TLS, nothing forwarded, no token exchange. */
  public static UpstreamOptions environment(Map<String, String> environment) {
    return new UpstreamOptions(CredentialSources.environment(environment), null, List.of(), null, null);
  }

  public UpstreamOptions withTls(UpstreamTls value) {
    return new UpstreamOptions(credentials, value, forwardHeaders, tokenExchangeUrl, tokenExchangeAudience);
  }

  public UpstreamOptions withForwardHeaders(List<String> value) {
    return new UpstreamOptions(credentials, tls, value, tokenExchangeUrl, tokenExchangeAudience);
  }

  public UpstreamOptions withTokenExchange(URI url, String audience) {
    return new UpstreamOptions(credentials, tls, forwardHeaders, url, audience);
  }
}
