package dev.openapi2mcp.runtime.tool;

import java.util.List;
import java.util.Objects;

/**
 * An upstream security scheme, as the OpenAPI description declares it.
 *
 * <p>The credential values never appear here: the runtime reads them at start-up from its credential sources
 * (environment, system properties, a credentials file), under names derived from the server name and {@code name}
 * (see {@code Credentials}).
 *
 * @param name the scheme's key under {@code components.securitySchemes}
 * @param type what kind of credential the scheme takes
 * @param in for {@link Type#API_KEY}: where the key goes; null otherwise
 * @param parameterName for {@link Type#API_KEY}: the header, query or cookie name; null otherwise
 * @param clientCredentials for {@link Type#OAUTH2}: the scheme's client-credentials flow as the description declares
 *     it, with which the runtime obtains tokens itself (issue 5); null when the scheme has no such flow
 */
public record SecurityScheme(
    String name, Type type, ParameterLocation in, String parameterName, ClientCredentialsFlow clientCredentials) {

  /** Kinds of credential. OAuth 2.0 and OpenID Connect schemes take a bearer token obtained elsewhere. */
  public enum Type {
    API_KEY,
    HTTP_BEARER,
    HTTP_BASIC,
    OAUTH2,
    OPENID_CONNECT
  }

  /**
   * The OAuth 2.0 client-credentials flow of a scheme (RFC 6749 section 4.4).
   *
   * @param tokenUrl the token endpoint, as the description gives it (absolute, or relative to the API base URL)
   * @param scopes the scopes the flow declares, in declaration order; the runtime requests them all unless the
   *     configuration names others
   */
  public record ClientCredentialsFlow(String tokenUrl, List<String> scopes) {
    public ClientCredentialsFlow {
      Objects.requireNonNull(tokenUrl, "tokenUrl");
      scopes = List.copyOf(scopes);
    }
  }

  public SecurityScheme {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (type == Type.API_KEY && (in == null || parameterName == null)) {
      throw new IllegalArgumentException("apiKey scheme " + name + " needs 'in' and a parameter name");
    }
    if (clientCredentials != null && type != Type.OAUTH2) {
      throw new IllegalArgumentException("scheme " + name + ": only oauth2 schemes have a client-credentials flow");
    }
  }

  /** A scheme without a client-credentials flow. */
  public SecurityScheme(String name, Type type, ParameterLocation in, String parameterName) {
    this(name, type, in, parameterName, null);
  }

  public static SecurityScheme apiKey(String name, ParameterLocation in, String parameterName) {
    return new SecurityScheme(name, Type.API_KEY, in, parameterName);
  }

  public static SecurityScheme bearer(String name) {
    return new SecurityScheme(name, Type.HTTP_BEARER, null, null);
  }

  public static SecurityScheme basic(String name) {
    return new SecurityScheme(name, Type.HTTP_BASIC, null, null);
  }

  public static SecurityScheme oauth2(String name) {
    return new SecurityScheme(name, Type.OAUTH2, null, null);
  }

  /**
   * An oauth2 scheme with a client-credentials flow: with a client id and secret configured, the runtime fetches
   * tokens from {@code tokenUrl} itself.
   */
  public static SecurityScheme oauth2(String name, String tokenUrl, String... scopes) {
    return new SecurityScheme(name, Type.OAUTH2, null, null, new ClientCredentialsFlow(tokenUrl, List.of(scopes)));
  }

  public static SecurityScheme openIdConnect(String name) {
    return new SecurityScheme(name, Type.OPENID_CONNECT, null, null);
  }
}
