package dev.openapi2mcp.generator.naming;

import dev.openapi2mcp.generator.model.SecuritySchemeModel;
import java.util.List;
import java.util.Locale;

/**
 * The names deployment files use (issue 5): environment variables of upstream credentials, Kubernetes resource names
 * and container image tags.
 *
 * <p>Invariant: {@link #credentialVariables} gives exactly the names the runtime's {@code Credentials} reads for the
 * same server and scheme names, in the same order, so that a Secret set up from the deployment files reaches the
 * server. A test holds the two together.
 */
public final class DeploymentNames {
  /** Kubernetes names of Services and labels are DNS labels: at most 63 characters. */
  private static final int MAX_LABEL = 63;

  private DeploymentNames() {}

  /**
   * The variables one scheme reads, e.g. {@code PETSTORE_API_KEY}, {@code SHOP_BASIC_USERNAME} and {@code …_PASSWORD},
   * or for an OAuth 2.0 scheme with a client-credentials flow {@code …_TOKEN}, {@code …_CLIENT_ID} and
   * {@code …_CLIENT_SECRET}.
   */
  public static List<String> credentialVariables(String serverName, SecuritySchemeModel scheme) {
    String base = upperSnake(serverName) + "_" + upperSnake(scheme.name());
    return switch (scheme.kind()) {
      case API_KEY -> List.of(base);
      case HTTP_BEARER, OPENID_CONNECT -> List.of(base + "_TOKEN");
      // Either a token, or a client id and secret with which the runtime fetches tokens itself.
      case OAUTH2 -> scheme.clientCredentials() == null
          ? List.of(base + "_TOKEN")
          : List.of(base + "_TOKEN", base + "_CLIENT_ID", base + "_CLIENT_SECRET");
      case HTTP_BASIC -> List.of(base + "_USERNAME", base + "_PASSWORD");
    };
  }

  /**
   * ASCII letters upper-cased, digits kept, each run of anything else one {@code _}, camelCase humps split, no
   * {@code _} at the ends: {@code bearerAuth} → {@code BEARER_AUTH}, {@code my-api.v2} → {@code MY_API_V2}.
   */
  public static String upperSnake(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean pendingBreak = false;
    char previous = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean upper = c >= 'A' && c <= 'Z';
      boolean lower = c >= 'a' && c <= 'z';
      boolean digit = c >= '0' && c <= '9';
      if (!upper && !lower && !digit) {
        pendingBreak = true;
        previous = c;
        continue;
      }
      if (upper && ((previous >= 'a' && previous <= 'z') || (previous >= '0' && previous <= '9'))) {
        pendingBreak = true;
      }
      previous = c;
      if (pendingBreak && out.length() > 0) {
        out.append('_');
      }
      pendingBreak = false;
      out.append(Character.toUpperCase(c));
    }
    return out.toString();
  }

  /**
   * A Kubernetes resource name (an RFC 1035 label: lower-case letters, digits and {@code -}, starting with a letter,
   * at most 63 characters): the server name in kebab case, {@code PetStore_v2} → {@code pet-store-v2}. A name that
   * would start with a digit gets {@code mcp-} in front; one with no letters or digits at all is
   * {@code mcp-server}.
   */
  public static String resourceName(String serverName) {
    String kebab = upperSnake(serverName).toLowerCase(Locale.ROOT).replace('_', '-');
    if (kebab.isEmpty()) {
      return "mcp-server";
    }
    if (!Character.isLetter(kebab.charAt(0))) {
      kebab = "mcp-" + kebab;
    }
    return trimDashes(kebab.length() > MAX_LABEL ? kebab.substring(0, MAX_LABEL) : kebab);
  }

  /**
   * A container image tag and Kubernetes label value from a version: characters other than letters, digits,
   * {@code .}, {@code _} and {@code -} become {@code -}; it starts and ends with a letter or digit and has at most
   * 63 characters; {@code latest} when nothing is left.
   */
  public static String versionTag(String version) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < version.length(); i++) {
      char c = version.charAt(i);
      boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '-';
      out.append(allowed ? c : '-');
    }
    String tag = trimNonAlphanumeric(out.toString());
    tag = trimNonAlphanumeric(tag.length() > MAX_LABEL ? tag.substring(0, MAX_LABEL) : tag);
    return tag.isEmpty() ? "latest" : tag;
  }

  private static String trimDashes(String text) {
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == '-') {
      end--;
    }
    return text.substring(0, end);
  }

  private static String trimNonAlphanumeric(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && !Character.isLetterOrDigit(text.charAt(start))) {
      start++;
    }
    while (end > start && !Character.isLetterOrDigit(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }
}
