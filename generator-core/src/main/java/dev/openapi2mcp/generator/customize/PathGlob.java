package dev.openapi2mcp.generator.customize;

import java.util.regex.Pattern;

/**
 * A glob over OpenAPI path templates, such as {@code /pet/*} or {@code /store/**}.
 *
 * <p>{@code *} matches any characters within one segment (not {@code /}), so {@code /pet/*} matches
 * {@code /pet/{petId}} but not {@code /pet/{petId}/uploadImage}, and {@code /pet*} matches {@code /pet} and
 * {@code /pets}. {@code **} as a whole segment matches any number of segments, none included: {@code /store/**}
 * matches {@code /store}, {@code /store/order} and {@code /store/order/{orderId}}; {@code **} alone matches every
 * path. Elsewhere {@code **} is the same as {@code *}. Everything else matches itself, braces included, so
 * {@code /pet/{petId}} matches just that template. A glob that does not start with {@code /} or {@code **} is
 * read as if it did start with {@code /}.
 */
final class PathGlob {
  private final String glob;
  private final Pattern pattern;

  PathGlob(String glob) {
    this.glob = glob;
    this.pattern = Pattern.compile(regex(glob));
  }

  boolean matches(String path) {
    return pattern.matcher(path).matches();
  }

  @Override
  public String toString() {
    return glob;
  }

  private static String regex(String glob) {
    String normalized = glob.startsWith("/") || glob.startsWith("**") ? glob : "/" + glob;
    String[] segments = normalized.split("/", -1);
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      if (segment.equals("**")) {
        regex.append("(?:/[^/]*)*");
      } else if (i == 0) {
        regex.append(segment(segment)); // the empty text before the leading slash
      } else {
        regex.append('/').append(segment(segment));
      }
    }
    return regex.toString();
  }

  /** A segment's literal parts quoted, each run of {@code *} as any characters but {@code /}. */
  private static String segment(String segment) {
    String[] literals = segment.split("\\*+", -1);
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < literals.length; i++) {
      if (i > 0) {
        regex.append("[^/]*");
      }
      if (!literals[i].isEmpty()) {
        regex.append(Pattern.quote(literals[i]));
      }
    }
    return regex.toString();
  }
}
