package dev.openapi2mcp.runtime.credentials;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Where upstream credentials come from, and in which order (issue 5): the environment first, then Java system
 * properties, then a credentials file. The first source that has a non-empty value of a field wins; the sources are
 * asked field by field, so one scheme's user name may come from the file and its password from the environment.
 *
 * <p>A credential is named by its <em>scope</em> (the server name, then the scheme name; a catalog puts the API's
 * namespace between them) and a {@link CredentialField}. For the scope {@code [petstore, petstore_auth]} and the
 * field {@link CredentialField#CLIENT_SECRET}:
 * <pre>
 *   environment        PETSTORE_PETSTORE_AUTH_CLIENT_SECRET   (each scope part in UPPER_SNAKE, then the suffix)
 *   system property    openapi2mcp.petstore.petstore_auth.clientSecret   (parts as written, dot-separated)
 *   credentials file   petstore_auth.clientSecret   (the scope without the server name, then the key)
 * </pre>
 *
 * <p>Invariant: a {@link Found} shows where a value came from, never the value.
 */
public final class CredentialSources {
  /** The prefix of every credential system property. */
  public static final String PROPERTY_PREFIX = "openapi2mcp.";

  private final Map<String, String> environment;
  private final Map<String, String> systemProperties;
  private final CredentialsFile file;

  private CredentialSources(Map<String, String> environment, Map<String, String> systemProperties,
      CredentialsFile file) {
    this.environment = Map.copyOf(environment);
    this.systemProperties = Map.copyOf(systemProperties);
    this.file = file;
  }

  /** The environment only: what servers read before system properties and files were added. */
  public static CredentialSources environment(Map<String, String> environment) {
    return new CredentialSources(environment, Map.of(), null);
  }

  /**
   * @param environment normally {@code System.getenv()}
   * @param systemProperties the credential system properties (others are ignored), normally from {@link
   *     #systemProperties()}
   * @param file the {@code --credentials-file}, or null
   */
  public static CredentialSources of(Map<String, String> environment, Map<String, String> systemProperties,
      CredentialsFile file) {
    return new CredentialSources(environment, systemProperties, file);
  }

  /** The JVM's system properties that start with {@link #PROPERTY_PREFIX}. */
  public static Map<String, String> systemProperties() {
    Map<String, String> found = new java.util.TreeMap<>();
    System.getProperties().forEach((key, value) -> {
      if (key instanceof String name && value instanceof String text && name.startsWith(PROPERTY_PREFIX)) {
        found.put(name, text);
      }
    });
    return found;
  }

  /**
   * One warning for each credential system property in {@code systemProperties} that holds a secret field ({@link
   * CredentialField#secret()}), in name order: set with {@code -D}, the value is on the Java command line, which
   * {@code ps} shows to every user of the machine. The value is still used. A warning names the property, never the
   * value.
   */
  public static List<String> secretPropertyWarnings(Map<String, String> systemProperties) {
    List<String> warnings = new ArrayList<>();
    for (String name : new TreeSet<>(systemProperties.keySet())) {
      String field = name.substring(name.lastIndexOf('.') + 1);
      boolean secret = Arrays.stream(CredentialField.values()).anyMatch(f -> f.secret() && f.key().equals(field));
      if (name.startsWith(PROPERTY_PREFIX) && secret) {
        warnings.add("the system property " + name + " holds a secret; given with -D on the command line, it is"
            + " shown by ps to every user of this machine: put it in the environment or in a --credentials-file"
            + " only the server's user can read (chmod 600)");
      }
    }
    return warnings;
  }

  /** The first non-empty value of {@code field} in the sources, in order of precedence. */
  public Optional<Found> find(List<String> scope, CredentialField field) {
    return find(scope, field, false);
  }

  /**
   * As {@link #find(List, CredentialField)}; with {@code emptyAllowed} an empty value counts as set (a basic
   * password may be empty).
   */
  public Optional<Found> find(List<String> scope, CredentialField field, boolean emptyAllowed) {
    String variable = environmentName(scope, field);
    String value = environment.get(variable);
    if (isSet(value, emptyAllowed)) {
      return Optional.of(new Found(value, "environment variable " + variable));
    }
    String property = propertyName(scope, field);
    value = systemProperties.get(property);
    if (isSet(value, emptyAllowed)) {
      return Optional.of(new Found(value, "system property " + property));
    }
    if (file != null) {
      String key = fileKey(scope, field);
      value = file.get(key);
      if (isSet(value, emptyAllowed)) {
        return Optional.of(new Found(value, "key '" + key + "' of " + file.path()));
      }
    }
    return Optional.empty();
  }

  /** Whether a credentials file is one of the sources. */
  public boolean hasFile() {
    return file != null;
  }

  private static boolean isSet(String value, boolean emptyAllowed) {
    return value != null && (emptyAllowed || !value.isEmpty());
  }

  /** {@code PETSTORE_PETSTORE_AUTH_TOKEN}: each scope part in UPPER_SNAKE, joined with {@code _}, then the suffix. */
  public static String environmentName(List<String> scope, CredentialField field) {
    List<String> parts = new ArrayList<>();
    scope.forEach(part -> parts.add(upperSnake(part)));
    return String.join("_", parts) + field.environmentSuffix();
  }

  /** {@code openapi2mcp.petstore.petstore_auth.token}. */
  public static String propertyName(List<String> scope, CredentialField field) {
    return PROPERTY_PREFIX + String.join(".", scope) + "." + field.key();
  }

  /** {@code petstore_auth.token}: the scope without the server name (the file belongs to one server). */
  public static String fileKey(List<String> scope, CredentialField field) {
    return String.join(".", scope.subList(1, scope.size())) + "." + field.key();
  }

  /**
   * ASCII letters upper-cased, digits kept, each run of anything else one {@code _}, camelCase humps split, no
   * {@code _} at the ends.
   */
  public static String upperSnake(String name) {
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

  /**
   * A value and where it came from. {@link #toString()} names the source only.
   *
   * @param value the value, possibly a secret
   * @param source e.g. {@code environment variable PETSTORE_API_KEY}, for messages
   */
  public record Found(String value, String source) {
    public Found {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(source, "source");
    }

    @Override
    public String toString() {
      return "value from " + source;
    }
  }
}
