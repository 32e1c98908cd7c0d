package dev.openapi2mcp.runtime.tool;

import java.util.Objects;

/**
 * An upstream security scheme, as the OpenAPI description declares it.
 *
 * <p>The credential values never appear here: the runtime reads them at start-up from the environment,
 * under names derived from the server name and {@code name} (see {@code Credentials}).
 *
 * @param name the scheme's key under {@code components.securitySchemes}
 * @param type what kind of credential the scheme takes
 * @param in for {@link Type#API_KEY}: where the key goes; null otherwise
 * @param parameterName for {@link Type#API_KEY}: the header, query or cookie name; null otherwise
 */
public record SecurityScheme(String name, Type type, ParameterLocation in, String parameterName) {

  /** Kinds of credential. OAuth 2.0 and OpenID Connect schemes take a bearer token obtained elsewhere. */
  public enum Type {
    API_KEY,
    HTTP_BEARER,
    HTTP_BASIC,
    OAUTH2,
    OPENID_CONNECT
  }

  public SecurityScheme {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (type == Type.API_KEY && (in == null || parameterName == null)) {
      throw new IllegalArgumentException("apiKey scheme " + name + " needs 'in' and a parameter name");
    }
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

  public static SecurityScheme openIdConnect(String name) {
    return new SecurityScheme(name, Type.OPENID_CONNECT, null, null);
  }
}
