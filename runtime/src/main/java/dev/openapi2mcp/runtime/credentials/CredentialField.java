package dev.openapi2mcp.runtime.credentials;

/**
 * One value a security scheme's credential is made of (issue 5). Each field has a name in every credential source:
 * a suffix of the environment variable, and the last key of a system property or of a credentials-file entry.
 */
public enum CredentialField {
  /** The API key of an apiKey scheme. */
  KEY("key", ""),
  /** A bearer token (http bearer, oauth2, openIdConnect). */
  TOKEN("token", "_TOKEN"),
  /** The user name of an http basic scheme. */
  USERNAME("username", "_USERNAME"),
  /** The password of an http basic scheme (may be empty). */
  PASSWORD("password", "_PASSWORD"),
  /** The OAuth 2.0 client id for the client-credentials flow and token exchange. */
  CLIENT_ID("clientId", "_CLIENT_ID"),
  /** The OAuth 2.0 client secret for the client-credentials flow and token exchange. */
  CLIENT_SECRET("clientSecret", "_CLIENT_SECRET"),
  /** Space- or comma-separated scopes to request instead of those the description declares. */
  SCOPES("scopes", "_SCOPES"),
  /** A token endpoint to use instead of the description's (or for an oauth2 scheme that declares none). */
  TOKEN_URL("tokenUrl", "_TOKEN_URL");

  private final String key;
  private final String environmentSuffix;

  CredentialField(String key, String environmentSuffix) {
    this.key = key;
    this.environmentSuffix = environmentSuffix;
  }

  /** The key in system properties and credentials files, e.g. {@code clientSecret}. */
  public String key() {
    return key;
  }

  /** What the environment variable ends with, e.g. {@code _CLIENT_SECRET}; empty for {@link #KEY}. */
  public String environmentSuffix() {
    return environmentSuffix;
  }

  /** Whether the value is a secret (scrubbed from texts and never shown). */
  public boolean secret() {
    return this == KEY || this == TOKEN || this == PASSWORD || this == CLIENT_SECRET;
  }
}
