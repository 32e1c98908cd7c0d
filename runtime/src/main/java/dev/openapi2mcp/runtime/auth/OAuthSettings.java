package dev.openapi2mcp.runtime.auth;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the OAuth 2.1 resource-server mode (issue 5).
 *
 * @param issuer the authorization server's issuer identifier; tokens must carry exactly this {@code iss}
 * @param jwksUrl where the issuer publishes its signing keys (JWKS)
 * @param audience the resource identifier tokens must name in {@code aud}; null means the endpoint's own URL
 * @param requiredScopes scopes every request's token must grant; may be empty
 * @param clockSkew how far {@code exp} and {@code nbf} may be off
 * @param jwksCacheTtl how long fetched keys are used before they are fetched again
 * @param jwksMinRefreshInterval the shortest time between fetches caused by unknown key ids, so that made-up
 *     {@code kid}s cannot turn the server into a load generator against the issuer
 */
public record OAuthSettings(
    URI issuer, URI jwksUrl, URI audience, List<String> requiredScopes, Duration clockSkew, Duration jwksCacheTtl,
    Duration jwksMinRefreshInterval) {

  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
  public static final Duration DEFAULT_JWKS_CACHE_TTL = Duration.ofMinutes(5);
  public static final Duration DEFAULT_JWKS_MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);

  public OAuthSettings {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(jwksUrl, "jwksUrl");
    requiredScopes = List.copyOf(requiredScopes);
    Objects.requireNonNull(clockSkew, "clockSkew");
    Objects.requireNonNull(jwksCacheTtl, "jwksCacheTtl");
    Objects.requireNonNull(jwksMinRefreshInterval, "jwksMinRefreshInterval");
  }

  /** Settings with the default skew and key caching. */
  public static OAuthSettings of(URI issuer, URI jwksUrl, URI audience, List<String> requiredScopes) {
    return new OAuthSettings(issuer, jwksUrl, audience, requiredScopes, DEFAULT_CLOCK_SKEW, DEFAULT_JWKS_CACHE_TTL,
        DEFAULT_JWKS_MIN_REFRESH_INTERVAL);
  }

  public OAuthSettings withJwksMinRefreshInterval(Duration value) {
    return new OAuthSettings(issuer, jwksUrl, audience, requiredScopes, clockSkew, jwksCacheTtl, value);
  }
}
