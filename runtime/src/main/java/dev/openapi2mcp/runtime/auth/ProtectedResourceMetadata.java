package dev.openapi2mcp.runtime.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The OAuth 2.0 Protected Resource Metadata (RFC 9728) of the MCP endpoint in OAuth mode (issue 5): which
 * authorization servers issue tokens for it and which scopes it knows. MCP clients find it through the
 * {@code resource_metadata} parameter of a 401 challenge or at the well-known URIs, and it is served without
 * authentication.
 *
 * @param resource the resource identifier: the endpoint's canonical URL, which tokens must name as audience
 * @param authorizationServers issuer identifiers
 * @param scopesSupported the scopes this resource asks for; may be empty
 * @param resourceName a human-readable name, or null
 */
public record ProtectedResourceMetadata(
    URI resource, List<String> authorizationServers, List<String> scopesSupported, String resourceName) {

  /** The well-known path prefix of RFC 9728 §3. */
  public static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";

  private static final ObjectMapper JSON = new ObjectMapper();

  public ProtectedResourceMetadata {
    Objects.requireNonNull(resource, "resource");
    authorizationServers = List.copyOf(authorizationServers);
    scopesSupported = List.copyOf(scopesSupported);
  }

  /**
   * Where the document is published: the well-known prefix inserted between the resource's authority and path
   * (RFC 9728 §3.1), e.g. {@code https://mcp.example.com/.well-known/oauth-protected-resource/mcp}.
   */
  public URI url() {
    return URI.create(resource.getScheme() + "://" + resource.getRawAuthority() + WELL_KNOWN + resourcePath());
  }

  /**
   * The request paths this server answers with the document: the path-suffixed form for the resource and for
   * {@code /mcp} (where a proxy may have moved the endpoint), and the bare well-known path, which clients try last.
   */
  public Set<String> servedPaths() {
    Set<String> paths = new LinkedHashSet<>();
    paths.add(WELL_KNOWN + resourcePath());
    paths.add(WELL_KNOWN + "/mcp");
    paths.add(WELL_KNOWN);
    return paths;
  }

  private String resourcePath() {
    String path = resource.getRawPath() == null ? "" : resource.getRawPath();
    return path.equals("/") ? "" : path;
  }

  /** The document as JSON. */
  public byte[] json() {
    ObjectNode document = JSON.createObjectNode();
    document.put("resource", resource.toString());
    authorizationServers.forEach(document.putArray("authorization_servers")::add);
    if (!scopesSupported.isEmpty()) {
      scopesSupported.forEach(document.putArray("scopes_supported")::add);
    }
    document.putArray("bearer_methods_supported").add("header");
    if (resourceName != null) {
      document.put("resource_name", resourceName);
    }
    try {
      return JSON.writeValueAsBytes(document);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serializes", e);
    }
  }
}
