package dev.openapi2mcp.runtime.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openapi2mcp.runtime.credentials.AccessTokenSource;
import dev.openapi2mcp.runtime.credentials.ClientCredentialsTokens;
import dev.openapi2mcp.runtime.credentials.CredentialField;
import dev.openapi2mcp.runtime.credentials.CredentialSources;
import dev.openapi2mcp.runtime.credentials.TokenExchange;
import dev.openapi2mcp.runtime.tool.HttpBinding;
import dev.openapi2mcp.runtime.tool.ParameterLocation;
import dev.openapi2mcp.runtime.tool.SecurityScheme;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Upstream API credentials (issue 5), read once from the {@link CredentialSources} (environment, then system
 * properties, then the credentials file) when the executor is created.
 *
 * <h2>Where credentials come from</h2>
 * Only from configuration: nothing a MCP client sends (its own {@code Authorization} header included) is ever
 * forwarded to the API as a credential, except that with token exchange the client's bearer token is exchanged for
 * the upstream one ({@link TokenExchange}). Each security scheme of the server reads environment variables named
 * <pre>
 *   PREFIX = the server name in UPPER_SNAKE
 *   SCHEME = the scheme name in UPPER_SNAKE
 *   apiKey                                → PREFIX_SCHEME
 *   http bearer, oauth2, openIdConnect    → PREFIX_SCHEME_TOKEN
 *   http basic                            → PREFIX_SCHEME_USERNAME and PREFIX_SCHEME_PASSWORD
 *   oauth2 with a client-credentials flow → PREFIX_SCHEME_CLIENT_ID and PREFIX_SCHEME_CLIENT_SECRET
 *                                           (optional PREFIX_SCHEME_SCOPES, PREFIX_SCHEME_TOKEN_URL)
 * </pre>
 * and the system properties and file keys {@link CredentialSources} derives from the same scheme and field. An
 * oauth2 scheme with a token set uses it; otherwise, with a client id and secret, tokens are fetched from the token
 * endpoint ({@link ClientCredentialsTokens}; a relative token URL is resolved against the API base URL).
 * where UPPER_SNAKE upper-cases ASCII letters, keeps ASCII digits, turns every run of other characters into one
 * {@code _}, splits camelCase where a lower-case letter or digit is followed by an upper-case letter, and drops
 * {@code _} at both ends ({@code bearerAuth} → {@code BEARER_AUTH}, {@code OAuth2} → {@code OAUTH2},
 * {@code my-api.v2} → {@code MY_API_V2}). For the server {@code petstore}: the apiKey scheme
 * {@code api_key} reads {@code PETSTORE_API_KEY}; the oauth2 scheme {@code petstore_auth} reads
 * {@code PETSTORE_PETSTORE_AUTH_TOKEN}.
 *
 * <p>An unset or empty variable means the credential is absent, except that a basic password may be set to the
 * empty string. A value with control characters (or, for values sent in headers, non-ASCII characters) cannot be
 * sent and fails {@link #load} naming the variable.
 *
 * <h2>Which credentials a call gets</h2>
 * A tool lists alternative security requirements; the first alternative whose schemes all have credentials is
 * applied (an empty alternative means anonymous access and is always satisfiable). When none can be satisfied, the
 * request goes out without credentials and a 401/403 answer names the variables to set ({@link #missingHint}).
 *
 * <p>Invariant: credential values never appear in {@code toString()}, messages or exceptions of this class;
 * {@link #scrub} removes them from any text or JSON value that might echo them, including tokens obtained for calls
 * (registered as they are obtained, see {@link RememberedTokens}).
 *
 * <h2>Service catalogs</h2>
 * Each API of a catalog (issue 4) has credentials of its own: its scope is the server name, then the API's name, so
 * that {@code PREFIX} above is {@code SERVER_API} ({@code CATALOG_INVENTORY_API_KEY}), the system property
 * {@code openapi2mcp.catalog.inventory.api_key.key} and the file key {@code inventory.api_key.key}.
 */
final class Credentials {
  private final Map<String, SecurityScheme> schemes;
  private final Map<String, SchemeCredential> available;
  private final String prefix;
  private final SecretScrubber scrubber;
  private final ClientIdentity exchangeClient;

  private Credentials(
      String prefix, Map<String, SecurityScheme> schemes, Map<String, SchemeCredential> available,
      SecretScrubber scrubber, ClientIdentity exchangeClient) {
    this.prefix = prefix;
    this.schemes = schemes;
    this.available = available;
    this.scrubber = scrubber;
    this.exchangeClient = exchangeClient;
  }

  /**
   * What fetching OAuth tokens needs.
   *
   * @param baseUrl the API base URL, against which relative token URLs are resolved
   * @param client the HTTP client (the API's, with its TLS settings)
   */
  record TokenClients(HttpUrl baseUrl, Clock clock, Supplier<OkHttpClient> client) {}

  /** An OAuth client id and secret. {@link #toString()} shows neither. */
  record ClientIdentity(String id, String secret) {
    @Override
    public String toString() {
      return "OAuth client";
    }
  }

  /**
   * Reads the credentials of every scheme of {@code definition} from {@code environment}; client-credentials flows
   * are not available (see {@link #load(ServerDefinition, CredentialSources, TokenClients)}).
   *
   * @throws IllegalArgumentException when a variable holds a value that cannot be sent (named, value not shown)
   */
  static Credentials load(ServerDefinition definition, Map<String, String> environment) {
    return load(definition, CredentialSources.environment(environment), null);
  }

  /**
   * Reads the credentials of every scheme of {@code definition} from {@code sources}.
   *
   * @param tokens what fetching OAuth tokens needs; null when the executor cannot fetch any
   * @throws IllegalArgumentException when a value cannot be sent, or a client id is set for a scheme without a
   *     token URL; the message names the source (never the value)
   */
  static Credentials load(ServerDefinition definition, CredentialSources sources, TokenClients tokens) {
    return load(List.of(definition.name()), definition.securitySchemes(), sources, tokens, new SecretScrubber());
  }

  /**
   * Reads the credentials of {@code declared} from {@code sources}, each looked up under {@code owner} followed by
   * the scheme's name: {@code [server]} for a server of one API, {@code [server, api]} for an API of a service
   * catalog (issue 4), so that each API reads credentials of its own ({@code CATALOG_INVENTORY_API_KEY}).
   *
   * @param tokens what fetching OAuth tokens needs; null when the executor cannot fetch any
   * @param scrubber where the secrets read and the tokens obtained are registered, and which {@link #scrub} uses;
   *     shared by the APIs of a catalog, so that no API's answer can carry another's credential
   * @throws IllegalArgumentException as {@link #load(ServerDefinition, CredentialSources, TokenClients)}
   */
  static Credentials load(List<String> owner, List<SecurityScheme> declared, CredentialSources sources,
      TokenClients tokens, SecretScrubber scrubber) {
    String prefix = prefix(owner);
    Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
    Map<String, SchemeCredential> available = new LinkedHashMap<>();
    ClientIdentity exchangeClient = null;
    for (SecurityScheme scheme : declared) {
      schemes.put(scheme.name(), scheme);
      List<String> names = variables(prefix, scheme);
      List<String> scope = scope(owner, scheme);
      SchemeCredential credential = null;
      if (scheme.type() == SecurityScheme.Type.HTTP_BASIC) {
        Optional<CredentialSources.Found> user = find(sources, scope, CredentialField.USERNAME, false, false);
        Optional<CredentialSources.Found> password = find(sources, scope, CredentialField.PASSWORD, false, true);
        if (user.isPresent() && password.isPresent()) {
          credential = new SchemeCredential(scheme, names, null, user.get().value(), password.get().value(), null);
          scrubber.keep(password.get().value());
          scrubber.keep(user.get().value() + ":" + password.get().value());
        }
      } else {
        boolean inHeader = scheme.type() != SecurityScheme.Type.API_KEY
            || scheme.in() == ParameterLocation.HEADER;
        CredentialField field = scheme.type() == SecurityScheme.Type.API_KEY ? CredentialField.KEY
            : CredentialField.TOKEN;
        Optional<CredentialSources.Found> secret = find(sources, scope, field, inHeader, false);
        if (secret.isPresent()) {
          credential = new SchemeCredential(scheme, names, secret.get().value(), null, null, null);
          scrubber.keep(secret.get().value());
        }
      }
      if (scheme.type() == SecurityScheme.Type.OAUTH2) {
        Optional<CredentialSources.Found> id = find(sources, scope, CredentialField.CLIENT_ID, false, false);
        Optional<CredentialSources.Found> clientSecret =
            find(sources, scope, CredentialField.CLIENT_SECRET, false, false);
        if (id.isPresent() && clientSecret.isPresent()) {
          scrubber.keep(clientSecret.get().value());
          if (exchangeClient == null) {
            exchangeClient = new ClientIdentity(id.get().value(), clientSecret.get().value());
          }
          if (credential == null && tokens != null) {
            AccessTokenSource source = new RememberedTokens(
                clientCredentials(scheme, scope, sources, tokens, id.get(), clientSecret.get()), scrubber);
            credential = new SchemeCredential(scheme, names, null, null, null, source);
          }
        }
      }
      if (credential != null) {
        available.put(scheme.name(), credential);
      }
    }
    return new Credentials(prefix, schemes, available, scrubber, exchangeClient);
  }

  private static ClientCredentialsTokens clientCredentials(SecurityScheme scheme, List<String> scope,
      CredentialSources sources, TokenClients tokens, CredentialSources.Found id, CredentialSources.Found secret) {
    Optional<CredentialSources.Found> urlOverride = find(sources, scope, CredentialField.TOKEN_URL, false, false);
    String url = urlOverride.map(CredentialSources.Found::value)
        .orElse(scheme.clientCredentials() == null ? null : scheme.clientCredentials().tokenUrl());
    if (url == null) {
      throw new IllegalArgumentException("security scheme '" + scheme.name() + "' has a client id ("
          + id.source() + ") but declares no client-credentials flow; set its token URL as "
          + CredentialSources.environmentName(scope, CredentialField.TOKEN_URL));
    }
    HttpUrl tokenUrl = tokens.baseUrl().resolve(url.strip());
    if (tokenUrl == null) {
      throw new IllegalArgumentException("security scheme '" + scheme.name() + "': the token URL '" + url
          + "' is not an http(s) URL");
    }
    List<String> scopes = find(sources, scope, CredentialField.SCOPES, false, false)
        .map(found -> List.of(found.value().trim().split("[,\\s]+")))
        .orElse(scheme.clientCredentials() == null ? List.of() : scheme.clientCredentials().scopes())
        .stream().filter(part -> !part.isEmpty()).toList();
    return new ClientCredentialsTokens(tokenUrl, id.value(), secret.value(), scopes, tokens.clock(),
        tokens.client());
  }

  private static Optional<CredentialSources.Found> find(CredentialSources sources, List<String> scope,
      CredentialField field, boolean inHeader, boolean emptyAllowed) {
    Optional<CredentialSources.Found> found = sources.find(scope, field, emptyAllowed);
    found.ifPresent(f -> checkSendable(f.source(), f.value(), inHeader));
    return found;
  }

  private static List<String> scope(List<String> owner, SecurityScheme scheme) {
    List<String> scope = new ArrayList<>(owner);
    scope.add(scheme.name());
    return List.copyOf(scope);
  }

  /** {@code PETSTORE}, {@code CATALOG_INVENTORY}: the scope's parts in UPPER_SNAKE, joined with {@code _}. */
  private static String prefix(List<String> owner) {
    List<String> parts = new ArrayList<>();
    owner.forEach(part -> parts.add(CredentialSources.upperSnake(part)));
    return String.join("_", parts);
  }

  /** One help line per variable of every scheme of {@code definition}, in scheme declaration order. */
  static List<String> describe(ServerDefinition definition) {
    return describe(List.of(definition.name()), definition.securitySchemes(), null);
  }

  /**
   * One help line per variable of {@code declared}, looked up under {@code owner} (see
   * {@link #load(List, List, CredentialSources, TokenClients, SecretScrubber)}); {@code apiName}, when not null, is named in each
   * line.
   */
  static List<String> describe(List<String> owner, List<SecurityScheme> declared, String apiName) {
    String prefix = prefix(owner);
    Set<String> lines = new LinkedHashSet<>();
    for (SecurityScheme scheme : declared) {
      List<String> names = variables(prefix, scheme);
      String of = " of security scheme '" + scheme.name() + "'" + (apiName == null ? "" : " of API '" + apiName
          + "'");
      switch (scheme.type()) {
        case API_KEY -> lines.add(names.get(0) + ": API key" + of + ", sent in the "
            + scheme.in().name().toLowerCase(Locale.ROOT) + " '" + scheme.parameterName() + "'");
        case HTTP_BEARER -> lines.add(names.get(0) + ": bearer token" + of
            + ", sent as 'Authorization: Bearer <token>'");
        case OAUTH2 -> {
          lines.add(names.get(0) + ": OAuth 2.0 access token" + of
              + ", sent as 'Authorization: Bearer <token>'");
          if (scheme.clientCredentials() != null) {
            List<String> scope = scope(owner, scheme);
            lines.add(CredentialSources.environmentName(scope, CredentialField.CLIENT_ID) + ", "
                + CredentialSources.environmentName(scope, CredentialField.CLIENT_SECRET) + ": OAuth 2.0 client"
                + of + "; without a token, tokens are fetched from " + scheme.clientCredentials().tokenUrl());
          }
        }
        case OPENID_CONNECT -> lines.add(names.get(0) + ": OpenID Connect access token" + of
            + ", sent as 'Authorization: Bearer <token>'");
        case HTTP_BASIC -> {
          lines.add(names.get(0) + ": user name" + of + ", sent with HTTP Basic authentication");
          lines.add(names.get(1) + ": password" + of + ", sent with HTTP Basic authentication");
        }
      }
    }
    return List.copyOf(lines);
  }

  /**
   * The environment variables of the scheme named {@code schemeName} followed by the name, for messages, e.g.
   * {@code PETSTORE_API_KEY (api_key)} or {@code PETSTORE_BASIC_USERNAME and PETSTORE_BASIC_PASSWORD (basic)}; just
   * the name for a scheme the server does not declare.
   */
  String variablesOf(String schemeName) {
    SecurityScheme scheme = schemes.get(schemeName);
    return scheme == null ? schemeName : String.join(" and ", variables(prefix, scheme)) + " (" + schemeName + ")";
  }

  /** The environment variables a scheme reads, in the order {@link #describe} lists them. */
  static List<String> variables(String prefix, SecurityScheme scheme) {
    String base = prefix + "_" + CredentialSources.upperSnake(scheme.name());
    List<CredentialField> fields = switch (scheme.type()) {
      case API_KEY -> List.of(CredentialField.KEY);
      case HTTP_BEARER, OAUTH2, OPENID_CONNECT -> List.of(CredentialField.TOKEN);
      case HTTP_BASIC -> List.of(CredentialField.USERNAME, CredentialField.PASSWORD);
    };
    return fields.stream().map(field -> base + field.environmentSuffix()).toList();
  }

  /** The credentials to apply for {@code binding}: the first alternative whose schemes all have credentials. */
  Selection select(HttpBinding binding) {
    return select(binding, null);
  }

  /**
   * As {@link #select(HttpBinding)}; with {@code onBehalfOf} (token exchange for this call), schemes that take a
   * bearer token (http bearer, oauth2, openIdConnect) use its token instead of the configured one.
   */
  Selection select(HttpBinding binding, AccessTokenSource onBehalfOf) {
    if (binding.security().isEmpty()) {
      return Selection.NOT_REQUIRED;
    }
    for (List<String> alternative : binding.security()) {
      List<SchemeCredential> chosen = new ArrayList<>();
      for (String schemeName : alternative) {
        SchemeCredential credential = available.get(schemeName);
        SecurityScheme scheme = schemes.get(schemeName);
        if (onBehalfOf != null && scheme != null && takesBearer(scheme)) {
          credential = new SchemeCredential(scheme, variables(prefix, scheme), null, null, null,
              new RememberedTokens(onBehalfOf, scrubber));
        }
        if (credential == null) {
          chosen = null;
          break;
        }
        chosen.add(credential);
      }
      if (chosen != null) {
        return new Selection(List.copyOf(chosen), true);
      }
    }
    return Selection.UNSATISFIED;
  }

  private static boolean takesBearer(SecurityScheme scheme) {
    return scheme.type() == SecurityScheme.Type.HTTP_BEARER || scheme.type() == SecurityScheme.Type.OAUTH2
        || scheme.type() == SecurityScheme.Type.OPENID_CONNECT;
  }

  /** The parameter names of the apiKey schemes sent in {@code in}, configured or not. */
  Set<String> apiKeyNames(ParameterLocation in) {
    Set<String> names = new LinkedHashSet<>();
    for (SecurityScheme scheme : schemes.values()) {
      if (scheme.type() == SecurityScheme.Type.API_KEY && scheme.in() == in) {
        names.add(scheme.parameterName());
      }
    }
    return names;
  }

  /** The client of the first oauth2 scheme with a client id and secret, for token exchange; null when none. */
  ClientIdentity exchangeClient() {
    return exchangeClient;
  }

  /**
   * What to add to a 401/403 error so that the user can fix it: the variables that were sent (and were refused),
   * or the variables that would supply credentials; empty when the tool needs none.
   */
  String authenticationHint(HttpBinding binding, Selection selection) {
    if (!selection.applied().isEmpty()) {
      List<String> names = new ArrayList<>();
      selection.applied().forEach(c -> names.addAll(c.variables()));
      return "The API refused the credentials from " + String.join(", ", names) + ".";
    }
    List<String> options = new ArrayList<>();
    for (List<String> alternative : binding.security()) {
      List<String> names = new ArrayList<>();
      for (String schemeName : alternative) {
        SecurityScheme scheme = schemes.get(schemeName);
        if (scheme == null) {
          names = null;
          break;
        }
        names.addAll(variables(prefix, scheme));
      }
      if (names != null && !names.isEmpty()) {
        options.add(String.join(" and ", names));
      }
    }
    if (options.isEmpty()) {
      return "";
    }
    return "No credentials were sent. Set " + String.join(" or ", options)
        + " in the server's environment to authenticate.";
  }

  /**
   * {@code text} with every credential value replaced by {@code ***}: configured ones and the tokens obtained for
   * calls, raw and in the encoded forms {@link SecretScrubber} covers.
   */
  String scrub(String text) {
    return scrubber.scrub(text);
  }

  /** {@code node} with every credential value removed from its strings and names, as {@link SecretScrubber#scrub(JsonNode)}. */
  JsonNode scrub(JsonNode node) {
    return scrubber.scrub(node);
  }

  /** @param source where the value came from, e.g. {@code environment variable PETSTORE_API_KEY} */
  private static void checkSendable(String source, String value, boolean inHeader) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new IllegalArgumentException(source
            + " contains a control character (a line break?) at position " + i + "; it cannot be sent");
      }
      if (inHeader && c > 0x7e) {
        throw new IllegalArgumentException(source
            + " contains a non-ASCII character at position " + i + "; it is sent in a header and must be ASCII");
      }
    }
  }

  /** The credentials chosen for one call. */
  record Selection(List<SchemeCredential> applied, boolean satisfied) {
    static final Selection NOT_REQUIRED = new Selection(List.of(), true);
    static final Selection UNSATISFIED = new Selection(List.of(), false);
  }

  /** The configured credential of one scheme. {@link #toString()} shows the scheme, never the value. */
  static final class SchemeCredential {
    private final SecurityScheme scheme;
    private final List<String> variables;
    private final String secret;
    private final String user;
    private final String password;
    private final AccessTokenSource tokens;

    private SchemeCredential(SecurityScheme scheme, List<String> variables, String secret, String user,
        String password, AccessTokenSource tokens) {
      this.scheme = scheme;
      this.variables = List.copyOf(variables);
      this.secret = secret;
      this.user = user;
      this.password = password;
      this.tokens = tokens;
    }

    /**
     * Where the bearer token comes from when it is obtained per request (client credentials, token exchange), or
     * null for a configured value.
     */
    AccessTokenSource tokens() {
      return tokens;
    }

    SecurityScheme scheme() {
      return scheme;
    }

    List<String> variables() {
      return variables;
    }

    /** The API key or token; null for basic schemes. */
    String secret() {
      return secret;
    }

    /** The {@code Authorization} header value for bearer-like and basic schemes with a configured value. */
    String authorization() {
      return scheme.type() == SecurityScheme.Type.HTTP_BASIC ? basicAuthorization() : "Bearer " + secret;
    }

    private String basicAuthorization() {
      return okhttp3.Credentials.basic(user, password, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return "credential of scheme '" + scheme.name() + "' from " + String.join(", ", variables);
    }
  }
}
