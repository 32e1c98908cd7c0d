package dev.openapi2mcp.generator.model;

import java.util.List;
import java.util.Objects;

/**
 * A security scheme the generated server can attach credentials for.
 *
 * @param name the scheme's key under {@code components.securitySchemes}
 * @param kind what kind of credential it takes
 * @param in for {@link Kind#API_KEY}: where the key goes; null otherwise
 * @param parameterName for {@link Kind#API_KEY}: the header, query or cookie name; null otherwise
 * @param clientCredentials for {@link Kind#OAUTH2}: the scheme's client-credentials flow, with which the runtime
 *     fetches tokens itself (issue 5); null when it declares none
 */
public record SecuritySchemeModel(
    String name, Kind kind, ParameterIn in, String parameterName, ClientCredentials clientCredentials) {

  /**
   * An OAuth 2.0 client-credentials flow.
   *
   * @param tokenUrl the token endpoint as the description gives it
   * @param scopes the flow's scope names, in declaration order
   */
  public record ClientCredentials(String tokenUrl, List<String> scopes) {
    public ClientCredentials {
      Objects.requireNonNull(tokenUrl, "tokenUrl");
      scopes = List.copyOf(scopes);
    }
  }

  /** A scheme without a client-credentials flow. */
  public SecuritySchemeModel(String name, Kind kind, ParameterIn in, String parameterName) {
    this(name, kind, in, parameterName, null);
  }

  /** The kinds of credential. OAuth 2.0 and OpenID Connect take a bearer token obtained elsewhere. */
  public enum Kind {
    API_KEY,
    HTTP_BEARER,
    HTTP_BASIC,
    OAUTH2,
    OPENID_CONNECT
  }

  public SecuritySchemeModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.API_KEY && (in == null || parameterName == null)) {
      throw new IllegalArgumentException("apiKey scheme " + name + " needs 'in' and a parameter name");
    }
  }
}
