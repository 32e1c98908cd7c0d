package dev.openapi2mcp.runtime.transport.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * DNS-rebinding protection: which {@code Origin} and {@code Host} headers a request may carry.
 *
 * <ul>
 *   <li>{@code Origin}, when present, must name a loopback host ({@code localhost}, {@code 127.0.0.1},
 *       {@code [::1]}) over http or https, or be one of the configured origins.</li>
 *   <li>{@code Host} is checked only when the server is bound to a loopback address: a browser tricked by DNS
 *       rebinding sends the attacker's name there, while real local clients send a loopback name. It must then
 *       name a loopback host or the host of a configured origin. A server bound to another address is meant to be
 *       reached under names it cannot know, so its {@code Host} is not restricted.</li>
 * </ul>
 */
final class OriginPolicy {
  private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final Set<String> allowedOrigins = new HashSet<>();
  private final Set<String> allowedHosts = new HashSet<>(LOOPBACK_HOSTS);
  private final boolean checkHost;

  /**
   * @param allowedOrigins extra origins, {@code scheme://host[:port]}
   * @param loopbackBound whether the server listens on a loopback address only
   * @throws IllegalArgumentException for an allowed origin that is not an absolute http(s) origin
   */
  OriginPolicy(List<String> allowedOrigins, boolean loopbackBound) {
    for (String origin : allowedOrigins) {
      URI uri = parse(origin);
      if (uri == null || uri.getHost() == null || !isHttp(uri)) {
        throw new IllegalArgumentException("allowed origin '" + origin + "' is not an http(s) origin such as "
            + "https://app.example.com");
      }
      this.allowedOrigins.add(normalize(uri));
      this.allowedHosts.add(uri.getHost().toLowerCase(Locale.ROOT));
    }
    this.checkHost = loopbackBound;
  }

  /** Whether a request with this {@code Origin} header (null when absent) may proceed. */
  boolean allowsOrigin(String origin) {
    if (origin == null) {
      return true; // not a browser request: nothing to protect against here
    }
    URI uri = parse(origin.trim());
    if (uri == null || uri.getHost() == null || !isHttp(uri)) {
      return false; // includes the opaque origin "null"
    }
    return LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT)) || allowedOrigins.contains(normalize(uri));
  }

  /** Whether a request with this {@code Host} header (null when absent) may proceed. */
  boolean allowsHost(String host) {
    if (!checkHost || host == null) {
      return true;
    }
    String name = hostName(host.trim().toLowerCase(Locale.ROOT));
    return name != null && allowedHosts.contains(name);
  }

  /** The host part of a {@code Host} header value, without port; null when malformed. */
  private static String hostName(String value) {
    if (value.startsWith("[")) {
      int end = value.indexOf(']');
      return end < 0 ? null : value.substring(0, end + 1);
    }
    int colon = value.indexOf(':');
    if (colon >= 0 && value.indexOf(':', colon + 1) >= 0) {
      return null; // a bare IPv6 address must be bracketed in Host
    }
    return colon < 0 ? value : value.substring(0, colon);
  }

  private static URI parse(String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static boolean isHttp(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("http") || scheme.equals("https");
  }

  private static String normalize(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
  }
}
