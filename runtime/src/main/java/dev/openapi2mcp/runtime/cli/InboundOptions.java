package dev.openapi2mcp.runtime.cli;

import static dev.openapi2mcp.runtime.cli.OptionValues.envName;
import static dev.openapi2mcp.runtime.cli.OptionValues.headerName;
import static dev.openapi2mcp.runtime.cli.OptionValues.httpUrl;
import static dev.openapi2mcp.runtime.cli.OptionValues.notAHeaderName;
import static dev.openapi2mcp.runtime.cli.OptionValues.readableFile;

import dev.openapi2mcp.runtime.auth.InboundAuthFactory;
import dev.openapi2mcp.runtime.auth.OAuthResourceServer;
import dev.openapi2mcp.runtime.auth.OAuthSettings;
import dev.openapi2mcp.runtime.auth.StaticTokens;
import dev.openapi2mcp.runtime.transport.http.TlsKeystore;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * The command-line options of inbound security for the HTTP transport (issue 5): HTTPS on the server's own port,
 * static bearer tokens, or an OAuth 2.1 resource server. Secrets never come from the command line (where {@code ps}
 * shows them): options name an environment variable or a file that holds them.
 *
 * @param tlsKeystore {@code --tls-keystore}: a PKCS12 keystore, or null for plain HTTP
 * @param tlsPasswordEnv {@code --tls-keystore-password-env}: the variable holding the keystore password
 * @param tokensEnv {@code --auth-tokens-env}: a variable holding comma-separated tokens
 * @param tokensFile {@code --auth-tokens-file}: a file holding one token per line
 * @param apiKeyHeader {@code --auth-header}: a header that may carry a static token instead of Authorization
 * @param oauthIssuer {@code --oauth-issuer}: the authorization server's issuer identifier
 * @param oauthJwksUrl {@code --oauth-jwks-url}: where the issuer's signing keys are
 * @param oauthAudience {@code --oauth-audience}: the resource identifier tokens must name, or null for the endpoint
 * @param oauthScopes {@code --oauth-scopes}: scopes every request's token must grant
 */
public record InboundOptions(
    Path tlsKeystore, String tlsPasswordEnv, String tokensEnv, Path tokensFile, String apiKeyHeader,
    URI oauthIssuer, URI oauthJwksUrl, URI oauthAudience, List<String> oauthScopes) {

  /** No inbound security: plain HTTP, every request allowed. */
  public static final InboundOptions NONE =
      new InboundOptions(null, null, null, null, null, null, null, null, List.of());

  /** The option names, in the order {@code --help} lists them. */
  static final List<String> NAMES = List.of("--tls-keystore", "--tls-keystore-password-env", "--auth-tokens-env",
      "--auth-tokens-file", "--auth-header", "--oauth-issuer", "--oauth-jwks-url", "--oauth-audience",
      "--oauth-scopes");

  private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

  public InboundOptions {
    oauthScopes = List.copyOf(oauthScopes);
  }

  /** The inbound security a running transport takes: a TLS context (or null) and the auth. */
  public record Resolved(SSLContext tls, InboundAuthFactory auth) {}

  /** Whether any option of this group was given. */
  public boolean any() {
    return !equals(NONE);
  }

  /** This group's value after one more option; checks the value's form, not yet the whole group. */
  InboundOptions with(String name, String value) throws UsageException {
    InboundOptions o = this;
    return switch (name) {
      case "--tls-keystore" -> new InboundOptions(readableFile(name, value), o.tlsPasswordEnv, o.tokensEnv, o.tokensFile,
          o.apiKeyHeader, o.oauthIssuer, o.oauthJwksUrl, o.oauthAudience, o.oauthScopes);
      case "--tls-keystore-password-env" -> new InboundOptions(o.tlsKeystore, envName(name, value, "MCP_TOKENS"), o.tokensEnv,
          o.tokensFile, o.apiKeyHeader, o.oauthIssuer, o.oauthJwksUrl, o.oauthAudience, o.oauthScopes);
      case "--auth-tokens-env" -> new InboundOptions(o.tlsKeystore, o.tlsPasswordEnv, envName(name, value, "MCP_TOKENS"),
          o.tokensFile, o.apiKeyHeader, o.oauthIssuer, o.oauthJwksUrl, o.oauthAudience, o.oauthScopes);
      case "--auth-tokens-file" -> new InboundOptions(o.tlsKeystore, o.tlsPasswordEnv, o.tokensEnv,
          readableFile(name, value), o.apiKeyHeader, o.oauthIssuer, o.oauthJwksUrl, o.oauthAudience, o.oauthScopes);
      case "--auth-header" -> new InboundOptions(o.tlsKeystore, o.tlsPasswordEnv, o.tokensEnv, o.tokensFile,
          header(name, value), o.oauthIssuer, o.oauthJwksUrl, o.oauthAudience, o.oauthScopes);
      case "--oauth-issuer" -> new InboundOptions(o.tlsKeystore, o.tlsPasswordEnv, o.tokensEnv, o.tokensFile,
          o.apiKeyHeader, url(name, value), o.oauthJwksUrl, o.oauthAudience, o.oauthScopes);
      case "--oauth-jwks-url" -> new InboundOptions(o.tlsKeystore, o.tlsPasswordEnv, o.tokensEnv, o.tokensFile,
          o.apiKeyHeader, o.oauthIssuer, url(name, value), o.oauthAudience, o.oauthScopes);
      case "--oauth-audience" -> new InboundOptions(o.tlsKeystore, o.tlsPasswordEnv, o.tokensEnv, o.tokensFile,
          o.apiKeyHeader, o.oauthIssuer, o.oauthJwksUrl, url(name, value), o.oauthScopes);
      case "--oauth-scopes" -> new InboundOptions(o.tlsKeystore, o.tlsPasswordEnv, o.tokensEnv, o.tokensFile,
          o.apiKeyHeader, o.oauthIssuer, o.oauthJwksUrl, o.oauthAudience, scopes(name, value));
      default -> throw new IllegalStateException(name);
    };
  }

  /** Checks that the given options fit together. */
  void check(CommandLine.Transport transport) throws UsageException {
    if (any() && transport != CommandLine.Transport.HTTP) {
      throw new UsageException("TLS and inbound auth options need --transport http");
    }
    if ((tlsKeystore == null) != (tlsPasswordEnv == null)) {
      throw new UsageException("--tls-keystore and --tls-keystore-password-env go together");
    }
    boolean tokens = tokensEnv != null || tokensFile != null;
    boolean oauth = oauthIssuer != null || oauthJwksUrl != null || oauthAudience != null || !oauthScopes.isEmpty();
    if (tokensEnv != null && tokensFile != null) {
      throw new UsageException("give either --auth-tokens-env or --auth-tokens-file, not both");
    }
    if (apiKeyHeader != null && !tokens) {
      throw new UsageException("--auth-header needs --auth-tokens-env or --auth-tokens-file");
    }
    if (tokens && oauth) {
      throw new UsageException("static tokens (--auth-tokens-*) and OAuth (--oauth-*) exclude each other");
    }
    if (oauth && (oauthIssuer == null || oauthJwksUrl == null)) {
      throw new UsageException("OAuth needs both --oauth-issuer and --oauth-jwks-url");
    }
  }

  /**
   * Reads the secrets these options name and builds what the transport takes.
   *
   * @param host the {@code --host} value: a server listening on all addresses cannot know its public URL, so OAuth
   *     then needs {@code --oauth-audience}
   * @param resourceName the server's name for the OAuth metadata document
   * @throws UsageException naming the option and variable or file at fault; never a secret
   */
  Resolved resolve(Map<String, String> environment, String host, String resourceName) throws UsageException {
    SSLContext tls = null;
    if (tlsKeystore != null) {
      String password = environment.get(tlsPasswordEnv);
      if (password == null) {
        throw new UsageException("--tls-keystore-password-env: the environment variable " + tlsPasswordEnv
            + " is not set");
      }
      try {
        tls = TlsKeystore.load(tlsKeystore, password.toCharArray());
      } catch (IllegalArgumentException e) {
        throw new UsageException("--tls-keystore: " + e.getMessage());
      }
    }
    InboundAuthFactory auth = InboundAuthFactory.NONE;
    if (tokensEnv != null || tokensFile != null) {
      StaticTokens tokens = tokens(environment);
      auth = endpoint -> tokens;
    } else if (oauthIssuer != null) {
      if (oauthAudience == null && (host.equals("0.0.0.0") || host.equals("::"))) {
        throw new UsageException("--oauth-audience is needed with --host " + host + ": a server listening on all "
            + "addresses cannot know the URL its clients use");
      }
      OAuthSettings settings = OAuthSettings.of(oauthIssuer, oauthJwksUrl, oauthAudience, oauthScopes);
      auth = endpoint -> new OAuthResourceServer(settings, endpoint, resourceName);
    }
    return new Resolved(tls, auth);
  }

  private StaticTokens tokens(Map<String, String> environment) throws UsageException {
    String source;
    String text;
    if (tokensEnv != null) {
      source = "--auth-tokens-env: the environment variable " + tokensEnv;
      text = environment.get(tokensEnv);
      if (text == null) {
        throw new UsageException(source + " is not set");
      }
    } else {
      source = "--auth-tokens-file " + tokensFile;
      try {
        text = Files.readString(tokensFile, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UsageException(source + " cannot be read: " + e.getClass().getSimpleName());
      }
    }
    try {
      return StaticTokens.parse(source, text, tokensFile != null && tokensEnv == null, apiKeyHeader);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static String header(String name, String value) throws UsageException {
    if (value.equalsIgnoreCase("Authorization")) {
      throw notAHeaderName(name, value, "X-API-Key");
    }
    return headerName(name, value, "X-API-Key");
  }

  private static URI url(String name, String value) throws UsageException {
    URI uri = httpUrl(name, value);
    if (uri.getRawFragment() != null) {
      throw new UsageException(name + " must not have a fragment (#...), was '" + value + "'");
    }
    return uri;
  }

  private static List<String> scopes(String name, String value) throws UsageException {
    List<String> scopes = new ArrayList<>();
    for (String part : value.split("[,\\s]+")) {
      if (part.isEmpty()) {
        continue;
      }
      if (!SCOPE.matcher(part).matches()) {
        throw new UsageException(name + ": '" + part + "' is not a scope (printable ASCII without spaces, quotes "
            + "or backslashes)");
      }
      if (!scopes.contains(part)) {
        scopes.add(part);
      }
    }
    if (scopes.isEmpty()) {
      throw new UsageException(name + " needs at least one scope, e.g. mcp:tools");
    }
    return scopes;
  }
}
