package dev.openapi2mcp.runtime.http;

import dev.openapi2mcp.runtime.tool.HttpBinding;
import dev.openapi2mcp.runtime.tool.ParameterLocation;
import dev.openapi2mcp.runtime.tool.SecurityScheme;
import dev.openapi2mcp.runtime.tool.ServerDefinition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Upstream API credentials, read once from the environment when the executor is created.
 *
 * <h2>Where credentials come from</h2>
 * Only from configuration: nothing a MCP client sends (its own {@code Authorization} header included) is ever
 * forwarded to the API as a credential. Each security scheme of the server reads environment variables named
 * <pre>
 *   PREFIX = the server name in UPPER_SNAKE
 *   SCHEME = the scheme name in UPPER_SNAKE
 *   apiKey                                → PREFIX_SCHEME
 *   http bearer, oauth2, openIdConnect    → PREFIX_SCHEME_TOKEN
 *   http basic                            → PREFIX_SCHEME_USERNAME and PREFIX_SCHEME_PASSWORD
 * </pre>
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
 * {@link #scrub} removes them from any text that might echo them.
 */
final class Credentials {
  /** Shorter values are not scrubbed from text: replacing every "ab" in a response would wreck it. */
  private static final int MIN_SCRUB_LENGTH = 4;

  private final Map<String, SecurityScheme> schemes;
  private final Map<String, SchemeCredential> available;
  private final String prefix;
  private final List<String> secrets;

  private Credentials(
      String prefix, Map<String, SecurityScheme> schemes, Map<String, SchemeCredential> available,
      List<String> secrets) {
    this.prefix = prefix;
    this.schemes = schemes;
    this.available = available;
    this.secrets = secrets;
  }

  /**
   * Reads the credentials of every scheme of {@code definition} from {@code environment}.
   *
   * @throws IllegalArgumentException when a variable holds a value that cannot be sent (named, value not shown)
   */
  static Credentials load(ServerDefinition definition, Map<String, String> environment) {
    return load(definition.name(), definition.securitySchemes(), environment);
  }

  /**
   * Reads the credentials of {@code declared} from {@code environment}, with the variables prefixed by
   * {@code prefixName} in UPPER_SNAKE; for an API of a service catalog (issue 4) that is {@code server_api}, so that
   * each API reads variables of its own ({@code CATALOG_INVENTORY_API_KEY}).
   *
   * @throws IllegalArgumentException when a variable holds a value that cannot be sent (named, value not shown)
   */
  static Credentials load(String prefixName, List<SecurityScheme> declared, Map<String, String> environment) {
    String prefix = upperSnake(prefixName);
    Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
    Map<String, SchemeCredential> available = new LinkedHashMap<>();
    Set<String> secrets = new LinkedHashSet<>();
    for (SecurityScheme scheme : declared) {
      schemes.put(scheme.name(), scheme);
      List<String> names = variables(prefix, scheme);
      SchemeCredential credential;
      if (scheme.type() == SecurityScheme.Type.HTTP_BASIC) {
        String user = value(environment, names.get(0), false);
        String password = environment.get(names.get(1));
        if (user == null || password == null) {
          continue;
        }
        checkSendable(names.get(1), password, false);
        credential = new SchemeCredential(scheme, names, null, user, password);
        secrets.add(password);
        secrets.add(credential.basicAuthorization().substring("Basic ".length()));
      } else {
        boolean inHeader = scheme.type() != SecurityScheme.Type.API_KEY
            || scheme.in() == ParameterLocation.HEADER;
        String secret = value(environment, names.get(0), inHeader);
        if (secret == null) {
          continue;
        }
        credential = new SchemeCredential(scheme, names, secret, null, null);
        secrets.add(secret);
        secrets.add(PercentEncoder.encode(secret));
      }
      available.put(scheme.name(), credential);
    }
    List<String> scrubbed = secrets.stream()
        .filter(s -> s.length() >= MIN_SCRUB_LENGTH)
        .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
        .toList();
    return new Credentials(prefix, schemes, available, scrubbed);
  }

  /** One help line per variable of every scheme of {@code definition}, in scheme declaration order. */
  static List<String> describe(ServerDefinition definition) {
    return describe(definition.name(), definition.securitySchemes(), null);
  }

  /**
   * One help line per variable of {@code declared}, read with the prefix {@code prefixName} (see
   * {@link #load(String, List, Map)}); {@code apiName}, when not null, is named in each line.
   */
  static List<String> describe(String prefixName, List<SecurityScheme> declared, String apiName) {
    String prefix = upperSnake(prefixName);
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
        case OAUTH2 -> lines.add(names.get(0) + ": OAuth 2.0 access token" + of
            + ", sent as 'Authorization: Bearer <token>'");
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

  /** The environment variables a scheme reads, in the order {@link #describe} lists them. */
  static List<String> variables(String prefix, SecurityScheme scheme) {
    String base = prefix + "_" + upperSnake(scheme.name());
    return switch (scheme.type()) {
      case API_KEY -> List.of(base);
      case HTTP_BEARER, OAUTH2, OPENID_CONNECT -> List.of(base + "_TOKEN");
      case HTTP_BASIC -> List.of(base + "_USERNAME", base + "_PASSWORD");
    };
  }

  /**
   * ASCII letters upper-cased, digits kept, each run of anything else one {@code _}, camelCase humps split, no
   * {@code _} at the ends.
   */
  static String upperSnake(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean pendingUnderscore = false;
    char previous = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean upper = c >= 'A' && c <= 'Z';
      boolean alphanumeric = upper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!alphanumeric) {
        pendingUnderscore = true;
        previous = c;
        continue;
      }
      // A hump (bearerAuth, key2Name) reads as a word break, so the variable reads as the scheme name does.
      if (upper && ((previous >= 'a' && previous <= 'z') || (previous >= '0' && previous <= '9'))) {
        pendingUnderscore = true;
      }
      previous = c;
      if (pendingUnderscore && out.length() > 0) {
        out.append('_');
      }
      pendingUnderscore = false;
      out.append(Character.toUpperCase(c));
    }
    return out.toString();
  }

  /** The credentials to apply for {@code binding}: the first alternative whose schemes all have credentials. */
  Selection select(HttpBinding binding) {
    if (binding.security().isEmpty()) {
      return Selection.NOT_REQUIRED;
    }
    for (List<String> alternative : binding.security()) {
      List<SchemeCredential> chosen = new ArrayList<>();
      for (String schemeName : alternative) {
        SchemeCredential credential = available.get(schemeName);
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

  /** {@code text} with every credential value (and its encoded forms) replaced by {@code ***}. */
  String scrub(String text) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, "***");
    }
    return result;
  }

  private static String value(Map<String, String> environment, String name, boolean inHeader) {
    String value = environment.get(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    checkSendable(name, value, inHeader);
    return value;
  }

  private static void checkSendable(String name, String value, boolean inHeader) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new IllegalArgumentException("environment variable " + name
            + " contains a control character (a line break?) at position " + i + "; it cannot be sent");
      }
      if (inHeader && c > 0x7e) {
        throw new IllegalArgumentException("environment variable " + name
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

    private SchemeCredential(
        SecurityScheme scheme, List<String> variables, String secret, String user, String password) {
      this.scheme = scheme;
      this.variables = List.copyOf(variables);
      this.secret = secret;
      this.user = user;
      this.password = password;
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

    /** The {@code Authorization} header value for bearer-like and basic schemes. */
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
